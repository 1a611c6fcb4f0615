package dev.quire.studio.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A card as it was imported, kept in the library so that an export gives back everything Quire
 * does not model (unknown fields, {@code extensions}, greetings, book settings) and knows which
 * lore entries its book became.
 *
 * @param loreIds the lore entry each book entry became, in book order
 * @param image   the portrait PNG without card chunks, or null
 */
record KeptCard(ObjectNode card, CardSpec spec, CardFormat from, List<Long> loreIds, byte[] image) {
    KeptCard {
        loreIds = List.copyOf(loreIds);
    }
}
