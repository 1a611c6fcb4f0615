package dev.quire.studio.manuscript;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A document's styles, resolved as Word resolves them. For an on/off property such as italic: direct formatting
 * wins; otherwise the paragraph style and the character style each give a value (the nearest definition along
 * their "based on" chains), and as Word's toggle properties do, each one that turns it on toggles it (so an
 * Emphasis run in an italic Quote paragraph shows upright); when neither style says, the document defaults do.
 */
final class WordStyles {

    private record Style(String id, String type, String name, String basedOn, Element pPr, Element rPr) {
    }

    static final WordStyles NONE = new WordStyles(null);

    private final Map<String, Style> byId = new HashMap<>();
    private final Element defaultRPr;
    private String defaultParagraph = "";

    WordStyles(Document styles) {
        Element rPrDefault = null;
        if (styles != null) {
            Element root = styles.getDocumentElement();
            Element docDefaults = WordXml.child(root, "docDefaults");
            rPrDefault = WordXml.child(WordXml.child(docDefaults, "rPrDefault"), "rPr");
            for (Element s : WordXml.children(root)) {
                if (!WordXml.isW(s, "style")) {
                    continue;
                }
                String id = WordXml.attr(s, "styleId");
                String type = WordXml.attr(s, "type");
                byId.put(id, new Style(id, type, WordXml.childVal(s, "name"), WordXml.childVal(s, "basedOn"),
                        WordXml.child(s, "pPr"), WordXml.child(s, "rPr")));
                String isDefault = WordXml.attr(s, "default");
                if ("paragraph".equals(type) && (isDefault.equals("1") || isDefault.equals("true"))) {
                    defaultParagraph = id;
                }
            }
        }
        defaultRPr = rPrDefault;
    }

    /** The style a paragraph has: the one it names, else the document's default paragraph style. */
    String paragraphStyle(Element pPr) {
        String id = WordXml.childVal(pPr, "pStyle");
        return id.isEmpty() ? defaultParagraph : id;
    }

    /** The style's names as a reader matches them: its id and its name, lower case, without spaces. */
    Set<String> names(String id) {
        Set<String> out = new HashSet<>();
        if (id == null || id.isEmpty()) {
            return out;
        }
        out.add(squash(id));
        Style s = byId.get(id);
        if (s != null && !s.name().isEmpty()) {
            out.add(squash(s.name()));
        }
        return out;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** An on/off run property of a run in a paragraph of {@code paragraphStyle}. */
    boolean on(String property, Element directRPr, String paragraphStyle, String characterStyle) {
        Boolean direct = WordXml.onOff(directRPr, property);
        if (direct != null) {
            return direct;
        }
        Boolean fromParagraph = chainValue(paragraphStyle, property);
        Boolean fromCharacter = chainValue(characterStyle, property);
        if (fromParagraph == null && fromCharacter == null) {
            return Boolean.TRUE.equals(WordXml.onOff(defaultRPr, property));
        }
        return Boolean.TRUE.equals(fromParagraph) ^ Boolean.TRUE.equals(fromCharacter);
    }

    /** A paragraph property element from the paragraph's own properties, else its style's chain; or null. */
    Element paragraphProperty(Element pPr, String paragraphStyle, String property) {
        Element direct = WordXml.child(pPr, property);
        if (direct != null) {
            return direct;
        }
        Set<String> seen = new HashSet<>();
        for (Style s = byId.get(paragraphStyle); s != null && seen.add(s.id()); s = byId.get(s.basedOn())) {
            Element e = WordXml.child(s.pPr(), property);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private Boolean chainValue(String id, String property) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (Style s = byId.get(id); s != null && seen.add(s.id()); s = byId.get(s.basedOn())) {
            Boolean v = WordXml.onOff(s.rPr(), property);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
