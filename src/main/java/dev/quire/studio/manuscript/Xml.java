package dev.quire.studio.manuscript;

/** Text made safe for XML: characters XML 1.0 forbids are dropped, markup characters escaped. */
final class Xml {

    private Xml() {
    }

    /** Without the characters XML 1.0 cannot hold (most control characters, unpaired surrogates). */
    static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** For element content and attribute values alike. */
    static String escape(String s) {
        String clean = clean(s);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
