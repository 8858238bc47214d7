extension LocationReading {
    /// `BUS STOP K MARE ST`, `STOP K, MARE STREET`: the letter TfL paints on a stop's flag, written after `STOP`,
    /// belongs to the stop (its premises name `BUS STOP K`), never to the street after it (`K MARE STREET`).
    /// `STOP` must follow `BUS` or open its part, and the letter be a single one in the same part.
    mutating func markStopLetters() {
        for i in tokens.indices where tokens[i].text == "STOP" && tokens[i].role == nil {
            let j = i + 1
            guard j < tokens.count, tokens[j].part == tokens[i].part, tokens[j].breakBefore == .none,
                tokens[j].role == nil, tokens[j].startsWithLetter, tokens[j].text.utf8.count == 1
            else { continue }
            let afterBus = i > 0 && tokens[i - 1].text == "BUS" && tokens[i - 1].part == tokens[i].part
            guard afterBus || opensPart(i) else { continue }
            tokens[j].role = .premisesName
            tokens[j].canon = tokens[j].text
            stopLetters.append(j)
        }
    }

    /// The premises or building range closed by `STOP`, taken on to the stop's letter after it.
    mutating func joinStopLetters() {
        for j in stopLetters {
            if let r = premisesRange, r.upperBound == j { premisesRange = r.lowerBound..<j + 1 }
            if let r = buildingRange, r.upperBound == j { buildingRange = r.lowerBound..<j + 1 }
        }
    }
}
