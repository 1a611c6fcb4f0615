/**
 * Character cards (SillyTavern/TavernAI Character Card V2 and V3) in and out of a library; the
 * entry point is {@link dev.quire.studio.cards.CharacterCards}.
 *
 * <h2>Reading</h2>
 * A card comes as a PNG (base64 JSON in a {@code tEXt} chunk named {@code chara} for V2 or
 * {@code ccv3} for V3; when both are there the {@code ccv3} one is the card), as the JSON itself,
 * or as a CHARX zip with {@code card.json} at its root. The file is refused, with a message naming
 * it and what is wrong, and nothing written, when: the PNG signature, a chunk's CRC or a chunk's
 * length is wrong or the file stops before IEND; a text chunk is over 8 MB; the base64 or the JSON
 * is malformed; the spec is not {@code chara_card_v2}/{@code chara_card_v3} (an old V1 card, with
 * no spec, is read as V2); a field has the wrong type; or a CHARX has more than 1,000 entries,
 * would unpack to more than 64 MB, has a {@code card.json} over 8 MB, or names an entry outside
 * itself ({@code ../}, an absolute path, a drive letter). Nothing in a CHARX is unpacked to disk.
 *
 * <h2>Card fields on a sheet</h2>
 * <ul>
 * <li>{@code name} → name; V3 {@code nickname} → the first alias.</li>
 * <li>{@code description} → backstory, unless it is written in labelled sections
 *     ("Appearance: …", "Backstory: …", with the sheet's own labels for role, appearance,
 *     psychology, backstory, desires, fears, relationships and interests) from its first line: then
 *     each section goes to its field. Export writes the sheet's fields back that way, or the
 *     backstory alone when it is the only one filled.</li>
 * <li>{@code personality} → personality.</li>
 * <li>{@code first_mes} and {@code mes_example} → voice (example messages show a voice): the
 *     examples alone, or "First message:" and "Example messages:" sections when there is a first
 *     message. A voice written in Quire leaves as {@code mes_example}.</li>
 * <li>{@code scenario} → a fact "Scenario: …" (the story's notes belong to the whole story, so they
 *     are left alone).</li>
 * <li>{@code creator_notes} → private notes (neither is meant for the model).</li>
 * <li>{@code character_book} entries → lore entries of the story: {@code keys} → keywords,
 *     {@code content}, {@code enabled}, {@code constant} → always on, and the title from
 *     {@code name}, else {@code comment}, else the first key.</li>
 * <li>What a sheet has and a card does not (aliases beyond a nickname, other facts, who plays the
 *     character) travels in {@code data.extensions.quire}, where the specs let an application keep
 *     its own data; other tools keep it untouched.</li>
 * <li>Tags, alternate and group greetings, system prompt, post-history instructions, creator,
 *     version, assets, book settings and every field Quire does not know stay on the kept card.</li>
 * </ul>
 *
 * <h2>Keeping the card</h2>
 * The imported card is kept whole, as JSON in the library's {@code setting} table under
 * {@code card.<characterId>} (no schema change), with the ids of the lore entries its book became
 * and the creation times of those rows and of the character's (SQLite may give a deleted row's id
 * to the next one, which must not inherit the card or stand in for a book entry)
 * and the portrait PNG, when there is one of at most 4 MB. The character, its lore and the kept
 * card are written in one transaction.
 *
 * <h2>Writing</h2>
 * Export starts from the kept card and rewrites a card field only when the writer has changed the
 * sheet fields it maps to, so an untouched card leaves exactly as it came. Book entries follow
 * their lore entries (changes merged, deleted ones left out); lore added in Quire later belongs to
 * the story, not to the card. A V3 export sets {@code modification_date} (and V3's required fields
 * when converting from V2) and drops assets that pointed into a CHARX, which Quire does not keep. A
 * PNG export carries the card's own portrait, or a plain 400×600 one in a colour taken from the
 * name; a V3 PNG also carries a V2 copy in {@code chara} for older tools, marked as the V3 spec
 * asks. A character made in Quire exports as a new card, without a character book.
 */
package dev.quire.studio.cards;
