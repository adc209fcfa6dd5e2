package coop.roseash.shared.web;

/**
 * Makes SX source safe as the body of a {@code <script type="text/sx">} data block (PROTOCOL.md §1): every
 * {@code <} inside a string literal becomes {@code \u003C}; a {@code </} outside string literals is refused.
 */
final class ComponentDefinitionsBlock {

    private ComponentDefinitionsBlock() {}

    static String escape(String source) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        boolean inString = false;
        boolean inComment = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inComment) {
                // comments carry nothing the client needs, and may hold any text: drop them
                if (c == '\n') {
                    inComment = false;
                    out.append(c);
                }
                continue;
            }
            if (inString) {
                if (c == '\\' && i + 1 < source.length()) {
                    out.append(c).append(source.charAt(++i));
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
                out.append(c == '<' ? "\\u003C" : String.valueOf(c));
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == ';') {
                inComment = true;
                continue;
            } else if (c == '<' && i + 1 < source.length() && (source.charAt(i + 1) == '/' || source.charAt(i + 1) == '!')) {
                throw new IllegalStateException("component definitions hold '" + source.substring(i, i + 2)
                        + "' outside a string literal at offset " + i + "; they cannot be embedded in a page");
            }
            out.append(c);
        }
        return out.toString();
    }
}
