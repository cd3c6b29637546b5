/// libyaml's own problem and context words ("did not find expected key", "while parsing a block mapping") in
/// Swedish, for `check` and every job that reads a scenario. A problem not in the table is named by place
/// only in Swedish (the English text keeps libyaml's words).
enum YAMLProblemWords {
    /// By prefix: libyaml appends details (`','` or `'}'`, a code point) to some of them.
    static let problems: [(String, String)] = [
        ("did not find expected key", "hittade inte någon nyckel där en väntades"),
        ("did not find expected ',' or '}'", "hittade inte ',' eller '}' där det väntades"),
        ("did not find expected ',' or ']'", "hittade inte ',' eller ']' där det väntades"),
        ("did not find expected '-' indicator", "hittade inte '-' där en listpost väntades"),
        ("did not find expected <document start>", "hittade inte början på ett dokument där det väntades"),
        ("did not find expected node content", "hittade inget värde där ett väntades"),
        ("did not find expected comment or line break", "hittade inte en kommentar eller ett radbyte där det väntades"),
        ("could not find expected ':'", "hittade inte ':' där det väntades"),
        ("mapping values are not allowed in this context", "ett ':' (mappningsvärde) är inte tillåtet här"),
        ("block sequence entries are not allowed in this context", "en listpost ('- ') är inte tillåten här"),
        ("control characters are not allowed", "styrtecken är inte tillåtna"),
        ("found character that cannot start any token", "hittade ett tecken som inte kan inleda något i YAML"),
        ("found unexpected end of stream", "texten tog slut oväntat"),
        ("found unexpected document indicator", "hittade en oväntad dokumentmarkör ('---' eller '...')"),
        ("found unknown escape character", "hittade ett okänt escape-tecken"),
        ("found undefined tag handle", "hittade en okänd tagg"),
        ("found undefined alias", "hittade ett alias som inte är definierat"),
        ("found duplicate anchor", "hittade ett ankare som redan är definierat"),
        ("found a tab character", "hittade ett tabbtecken där indrag med mellanslag väntades"),
        ("found unexpected ':'", "hittade ett oväntat ':'"),
        ("did not find URI escaped octet", "hittade inte ett URI-kodat tecken där det väntades"),
        ("found extra tokens at the end of the directive", "hittade extra tecken efter direktivet"),
        ("invalid leading UTF-8 octet", "ogiltig UTF-8"), ("invalid trailing UTF-8 octet", "ogiltig UTF-8"),
        ("incomplete UTF-8 octet sequence", "ofullständig UTF-8"), ("invalid Unicode character", "ogiltigt Unicode-tecken"),
        ("input is too long", "texten är för lång"),
    ]

    static let contexts: [(String, String)] = [
        ("while parsing a block mapping", "i en mappning"), ("while parsing a flow mapping", "i en mappning inom {}"),
        ("while parsing a block collection", "i en lista"), ("while parsing a flow sequence", "i en lista inom []"),
        ("while parsing a block node", "i ett värde"), ("while parsing a flow node", "i ett värde"), ("while parsing a node", "i ett värde"),
        ("while scanning a simple key", "i en nyckel"), ("while scanning a quoted scalar", "i en text inom citattecken"),
        ("while scanning a plain scalar", "i ett värde"), ("while scanning a block scalar", "i ett flerradsvärde"),
        ("while scanning an anchor", "i ett ankare"), ("while scanning an alias", "i ett alias"), ("while scanning a tag", "i en tagg"),
        ("while scanning for the next token", "i texten"), ("while parsing a tag", "i en tagg"),
        ("while scanning a %YAML directive", "i ett %YAML-direktiv"), ("while scanning a directive", "i ett direktiv"),
    ]

    /// The problem in Swedish, with libyaml's own detail (quotes, code points) where it adds one; nil when unknown.
    static func problem(_ text: String) -> String? {
        for (en, sv) in problems where text.hasPrefix(en) { return sv }
        return nil
    }

    static func context(_ text: String) -> String? {
        for (en, sv) in contexts where text.hasPrefix(en) { return sv }
        return nil
    }
}
