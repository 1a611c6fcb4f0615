package dev.quire.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a library is, for "nothing changed": the SHA-256 of its file (and of a -wal beside it) and the row
 * count of every table, read through a read-only connection that writes nothing.
 */
public record Fingerprint(String sha256, Map<String, Long> rows) {

    public static Fingerprint of(Path library) {
        String sha = sha256(library) + sha256(library.resolveSibling(library.getFileName() + "-wal"));
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.toUri() + "?mode=ro");
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rows.put(t, rs.next() ? rs.getLong(1) : -1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + library + ": " + e.getMessage(), e);
        }
        return new Fingerprint(sha, rows);
    }

    private static String sha256(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return ""; // an empty -wal is no change: a reader may make one
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
