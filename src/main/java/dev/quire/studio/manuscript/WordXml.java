package dev.quire.studio.manuscript;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading WordprocessingML elements by local name, in the transitional namespace Word writes and the strict one
 * it can also save, so {@code w:p} is found in either.
 */
final class WordXml {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private WordXml() {
    }

    static boolean isW(Node n) {
        return n instanceof Element && (W.equals(n.getNamespaceURI()) || W_STRICT.equals(n.getNamespaceURI()));
    }

    static boolean isW(Node n, String local) {
        return isW(n) && local.equals(n.getLocalName());
    }

    static boolean isMc(Node n, String local) {
        return n instanceof Element && MC.equals(n.getNamespaceURI()) && local.equals(n.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The first {@code w:local} child, or null. */
    static Element child(Element parent, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (isW(n, local)) {
                return (Element) n;
            }
        }
        return null;
    }

    /** A {@code w:} attribute (or an unqualified one, as some writers leave it), or "" when absent. */
    static String attr(Element e, String local) {
        if (e == null) {
            return "";
        }
        String v = e.getAttributeNS(W, local);
        if (v.isEmpty()) {
            v = e.getAttributeNS(W_STRICT, local);
        }
        if (v.isEmpty()) {
            v = e.getAttribute("w:" + local);
        }
        if (v.isEmpty()) {
            v = e.getAttribute(local);
        }
        return v;
    }

    /** {@code w:val} of the child {@code w:local}, or "" when there is no such child. */
    static String childVal(Element parent, String local) {
        return attr(child(parent, local), "val");
    }

    /**
     * An on/off property ({@code <w:i/>}, {@code <w:b w:val="0"/>}): null when it is not set here, else whether it
     * is on; "0", "false" and "off" turn it off.
     */
    static Boolean onOff(Element props, String local) {
        Element e = child(props, local);
        if (e == null) {
            return null;
        }
        String v = attr(e, "val");
        return !(v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off"));
    }

    /**
     * The branch of an {@code mc:AlternateContent} a reader takes: its first Choice (Word 2010+ shapes), else its
     * Fallback (the same content as VML), never both.
     */
    static Element alternative(Element alternateContent) {
        Element fallback = null;
        for (Element c : children(alternateContent)) {
            if (isMc(c, "Choice")) {
                return c;
            }
            if (isMc(c, "Fallback") && fallback == null) {
                fallback = c;
            }
        }
        return fallback;
    }
}
