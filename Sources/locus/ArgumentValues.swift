import ArgumentParser
import Locus

/// `--format`: csv, jsonl or geojson (any case).
extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--encoding`: utf-8, windows-1252 or latin-1, in their common spellings (`TextEncoding(name:)`).
extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// `--delimiter` of `locus geocode` and `locus reverse`: comma, tab, semicolon or pipe, by name or as the
/// character (`,` `;` `|` `\t`), any case.
enum Delimiter: String, CaseIterable, ExpressibleByArgument {
    case comma, tab, semicolon, pipe

    init?(argument: String) {
        switch argument.lowercased() {
        case "tab", "\\t", "\t": self = .tab
        case "comma", ",": self = .comma
        case "semicolon", ";": self = .semicolon
        case "pipe", "|": self = .pipe
        default: return nil
        }
    }

    /// The byte between fields.
    var byte: UInt8 {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .tab: return UInt8(ascii: "\t")
        case .semicolon: return UInt8(ascii: ";")
        case .pipe: return UInt8(ascii: "|")
        }
    }
}

/// `--delimiter` of `locus reproject`: a named one (as geocode takes), or any one ASCII character.
enum AnyDelimiter: ExpressibleByArgument {
    case named(Delimiter)
    case character(UInt8)

    init?(argument: String) {
        if let named = Delimiter(argument: argument) {
            self = .named(named)
        } else if argument.utf8.count == 1, let byte = argument.utf8.first, byte < 0x80 {
            self = .character(byte)
        } else {
            return nil
        }
    }

    /// The byte between fields.
    var byte: UInt8 {
        switch self {
        case let .named(named): return named.byte
        case let .character(byte): return byte
        }
    }
}

/// A value of `--format`, `--encoding` or `--delimiter` that ArgumentParser refused, told as `locus` tells a
/// usage error: `locus geocode` and `locus reverse` still write their `--summary-json` for it (see `main()`).
enum RefusedValue {
    /// The message for each option with a value of its own kind, and whether `value` is one.
    static let checks: [(option: String, message: String, accepts: @Sendable (String) -> Bool)] = [
        ("--format", "--format: use csv, jsonl or geojson", { OutputFormat(argument: $0) != nil }),
        ("--encoding", "--encoding: use utf-8, windows-1252 or latin-1", { TextEncoding(argument: $0) != nil }),
        ("--delimiter", "--delimiter: use comma, tab, semicolon or pipe (or one of , ; | \\t)",
         { Delimiter(argument: $0) != nil }),
    ]
    static let reprojectDelimiter = "--delimiter: use comma, tab, semicolon or pipe, or one ASCII character"

    /// The first refused value among `arguments` (of a subcommand): its message, and the arguments without it.
    static func find(in arguments: [String], subcommand: String) -> (message: String, rest: [String])? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return nil }
            for check in checks {
                var value: String?, width = 1
                if argument == check.option, index + 1 < arguments.count {
                    (value, width) = (arguments[index + 1], 2)
                } else if argument.hasPrefix(check.option + "=") {
                    value = String(argument.dropFirst(check.option.count + 1))
                }
                guard let value else { continue }
                let accepted = subcommand == "reproject" && check.option == "--delimiter"
                    ? AnyDelimiter(argument: value) != nil : check.accepts(value)
                if !accepted {
                    var rest = arguments
                    rest.removeSubrange(index..<(index + width))
                    let message = subcommand == "reproject" && check.option == "--delimiter"
                        ? reprojectDelimiter : check.message
                    return (message, rest)
                }
            }
            index += 1
        }
        return nil
    }

    /// Set by `main()` before running a command whose value was refused: its `BatchJob` records it as a
    /// usage error (`CSVRunOptions.configure`).
    nonisolated(unsafe) static var pending: String?
}
