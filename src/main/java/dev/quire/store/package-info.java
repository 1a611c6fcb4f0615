/**
 * The library: one SQLite file, opened only after it has been checked to be a Quire library of a
 * schema this build knows, migrated by numbered SQL files, and reached through one repository per
 * aggregate, whose statements run through {@code Statements}. Every multi-statement write runs in
 * one transaction; every failure surfaces as a {@link dev.quire.store.PersistenceException}. Files other than the
 * open library (backups, copies) are read and copied by {@link dev.quire.store.LibraryFiles}. No other package
 * runs SQL.
 */
package dev.quire.store;
