import Foundation
import ZIPFoundation

/// A source pack: the files of one London edition (postcodes, areas, stations, bus stops, premises, streets,
/// the OSTN15 grid), read into memory from a zip (`gazetteer/london/london-pack.zip`) or a folder laid out the
/// same way, and checked against the pack's `MANIFEST.json` (each file's size and SHA-256).
///
/// The zip is read as it is, never unpacked to disk. The manifest is read from inside the zip, else from the
/// `MANIFEST.json` beside it; a folder's from the folder. A pack without a manifest (a user's own folder) is
/// read unchecked, with no edition.
public struct SourcePack: Sendable {
    /// The zip or folder read.
    public let location: URL
    /// The edition the manifest names (`london-2025.2`), or nil without a manifest.
    public let edition: String?
    /// Relative path → size and SHA-256 from the manifest (empty without one).
    let manifest: [String: ManifestEntry]
    private let files: [String: [UInt8]]

    /// One file as the manifest lists it.
    struct ManifestEntry: Sendable, Equatable, Codable {
        var path: String
        var size: Int
        var sha256: String
    }

    private struct Manifest: Codable {
        var edition: String
        var files: [ManifestEntry]
    }

    /// The manifest's file name.
    static let manifestName = "MANIFEST.json"

    /// Reads the zip or folder at `location` and checks every listed file against the manifest.
    /// Throws `SourcePackError` naming the file that is missing, unreadable or differs.
    public init(_ location: URL) throws(SourcePackError) {
        self.location = location
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isFolder) else {
            throw .missing(path: location.path)
        }
        var files = isFolder.boolValue ? try Self.readFolder(location) : try Self.readZip(location)
        var manifestBytes = files.removeValue(forKey: Self.manifestName)
        if manifestBytes == nil, !isFolder.boolValue {
            let beside = location.deletingLastPathComponent().appendingPathComponent(Self.manifestName)
            manifestBytes = (try? Data(contentsOf: beside)).map { [UInt8]($0) }
        }
        if let manifestBytes {
            let decoded = try Self.decodeManifest(manifestBytes, pack: location)
            edition = decoded.edition
            manifest = Dictionary(decoded.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in decoded.files.sorted(by: { $0.path < $1.path }) {
                guard let bytes = files[entry.path] else {
                    throw .missingFile(pack: location.path, file: entry.path)
                }
                let digest = SHA256Hasher.hex(bytes)
                if bytes.count != entry.size || digest != entry.sha256 {
                    throw .checksumMismatch(pack: location.path, file: entry.path, expected: entry.sha256,
                                            actual: digest)
                }
            }
        } else {
            edition = nil
            manifest = [:]
        }
        self.files = files
    }

    private static func decodeManifest(_ bytes: [UInt8], pack: URL) throws(SourcePackError) -> Manifest {
        do { return try JSONDecoder().decode(Manifest.self, from: Data(bytes)) } catch {
            throw .badManifest(path: pack.path, reason: "\(error)")
        }
    }

    /// The files a manifest lists.
    static func manifestEntries(_ bytes: [UInt8], pack: URL) throws(SourcePackError) -> [ManifestEntry] {
        try decodeManifest(bytes, pack: pack).files
    }

    /// The relative paths of the files held, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// The bytes of the file at `path` (relative, `postcodes/onspd-london.csv`), or nil when the pack has none.
    public func contents(_ path: String) -> [UInt8]? { files[path] }

    /// The URL by which a pack file is named to the builder and in messages: `<location>/<path>`.
    public func url(_ path: String) -> URL { location.appendingPathComponent(path) }

    /// The pack file `url` names (a URL made by `url(_:)`), or nil when it is not one of the pack's files.
    func contents(of url: URL) -> [UInt8]? {
        let prefix = location.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(prefix) else { return nil }
        return files[String(path.dropFirst(prefix.count))]
    }

    /// The derived OSTN15 NTv2 grid's path in the pack.
    public static let ostn15GridPath = "reprojection/derived-grid/OSTN15_NTv2_OSGBtoETRS.gsb"

    private static func readZip(_ url: URL) throws(SourcePackError) -> [String: [UInt8]] {
        do {
            let archive = try Archive(data: try Data(contentsOf: url), accessMode: .read)
            var files: [String: [UInt8]] = [:]
            for entry in archive where entry.type == .file {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(Int(entry.uncompressedSize))
                _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes.append(contentsOf: chunk) }
                files[entry.path] = bytes
            }
            return files
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    private static func readFolder(_ folder: URL) throws(SourcePackError) -> [String: [UInt8]] {
        let root = folder.standardizedFileURL
        guard let relative = FileManager.default.subpaths(atPath: root.path) else {
            throw .unreadable(path: folder.path, reason: "cannot list the folder")
        }
        var files: [String: [UInt8]] = [:]
        for path in relative where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let file = root.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            do { files[path] = [UInt8](try Data(contentsOf: file)) } catch {
                throw .unreadable(path: file.path, reason: error.localizedDescription)
            }
        }
        return files
    }
}

extension SourcePack: Equatable {
    public static func == (a: SourcePack, b: SourcePack) -> Bool {
        a.location == b.location && a.edition == b.edition && a.manifest == b.manifest
    }
}

/// A source pack that cannot be used; the message names the pack and the file.
public enum SourcePackError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case badManifest(path: String, reason: String)
    case missingFile(pack: String, file: String)
    case checksumMismatch(pack: String, file: String, expected: String, actual: String)

    public var description: String {
        switch self {
        case let .missing(path):
            return "the source pack \(path) does not exist"
        case let .unreadable(path, reason):
            return "cannot read the source pack \(path): \(reason)"
        case let .badManifest(path, reason):
            return "the manifest of the source pack \(path) cannot be read: \(reason)"
        case let .missingFile(pack, file):
            return "the source pack \(pack) lacks \(file), which its manifest lists"
        case let .checksumMismatch(pack, file, expected, actual):
            return "\(file) in the source pack \(pack) is damaged: SHA-256 \(actual), the manifest says \(expected)"
        }
    }
}
