import Testing
@testable import Locus

/// The normaliser's tokeniser and the gazetteer's canonical text fold letters and apostrophes the same way
/// (`CanonicalText.foldLatin`, `CanonicalText.apostropheVanishes`), so a name written in a record and the same
/// name in a source meet as the same words.
@Suite struct TextFoldingTests {
    static func tokenised(_ text: String) -> [String] {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            Tokeniser.scan(UnsafeBufferPointer(buffer)).tokens.map(\.text)
        }
    }

    @Test(arguments: [
        ("KING'S ROAD", ["KINGS", "ROAD"]),
        ("King’s Cross", ["KINGS", "CROSS"]),
        ("O´NEILL", ["ONEILL"]),
        ("'HAUNT' BAR", ["HAUNT", "BAR"]),
        ("KINGS' ROAD", ["KINGS", "ROAD"]),
        ("D'ÉGLISE", ["D", "EGLISE"]),
        ("A''B", ["A", "B"]),
        ("CAFÉ ROUGE", ["CAFE", "ROUGE"]),
        ("Straße", ["STRASSE"]),
        ("ST MARY'S", ["ST", "MARYS"]),
        ("12A`B", ["12AB"]),
    ])
    func bothFoldTheSame(text: String, words: [String]) {
        #expect(CanonicalText.words(text) == words, "\(text)")
        #expect(Self.tokenised(text) == words, "\(text)")
    }
}
