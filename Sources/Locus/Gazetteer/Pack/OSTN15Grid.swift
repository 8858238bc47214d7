import Foundation
import ZIPFoundation

/// The OSTN15-derived NTv2 grid of the London pack, installed into `<data folder>/proj/` and put on PROJ's
/// search path after PROJ's own folders, so that Locus's transformations between OSGB36 and WGS 84 in London
/// go through the OSTN15 operation (1 m class, in practice millimetres) instead of the 2 m Helmert.
/// An official grid installed with `projsync` (in a PROJ folder) comes first; outside the grid's extent PROJ
/// falls back to the Helmert as before.
enum OSTN15Grid {
    /// The name PROJ's database gives as an alternative for the OSTN15 grid.
    static let fileName = "OSTN15_NTv2_OSGBtoETRS.gsb"

    /// `<data folder>/proj`.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        PackLocation.dataFolder(environment: environment).appendingPathComponent("proj")
    }

    /// The folder Locus adds to PROJ's search path, once per process: `<data folder>/proj` when it holds the
    /// grid, after installing it there from the pack when it does not; nil when there is no pack and no grid
    /// (or the folder cannot be written), and PROJ then uses what it has.
    static let searchFolder: String? = {
        let target = OSTN15Grid.folder()
        let file = target.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: file.path) { return target.path }
        guard let pack = PackLocation.firstExisting(PackLocation.candidates()) else { return nil }
        return (try? install(from: pack, into: target)) != nil ? target.path : nil
    }()

    /// Extracts the grid from the pack at `pack` (a zip or a folder) into `folder`, checked against the
    /// pack's manifest, atomically. Returns the installed file.
    @discardableResult
    static func install(from pack: URL, into folder: URL) throws(SourcePackError) -> URL {
        let bytes = try SourcePack.member(SourcePack.ostn15GridPath, of: pack)
        let target = folder.appendingPathComponent(fileName)
        let temporary = folder.appendingPathComponent(".\(fileName).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw SourcePackError.unreadable(path: target.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as SourcePackError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unreadable(path: target.path, reason: "cannot install the grid: \(error.localizedDescription)")
        }
        return target
    }
}

extension SourcePack {
    /// One file of the pack at `location` (zip or folder), read alone and checked against the pack's manifest
    /// when it lists the file: cheaper than reading the whole pack.
    package static func member(_ path: String, of location: URL) throws(SourcePackError) -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isFolder) else {
            throw .missing(path: location.path)
        }
        var bytes: [UInt8]?
        var manifest: [UInt8]?
        if isFolder.boolValue {
            bytes = (try? Data(contentsOf: location.appendingPathComponent(path))).map { [UInt8]($0) }
            manifest = (try? Data(contentsOf: location.appendingPathComponent(manifestName))).map { [UInt8]($0) }
        } else {
            do {
                let archive = try Archive(url: location, accessMode: .read)
                func read(_ name: String) throws -> [UInt8]? {
                    guard let entry = archive[name] else { return nil }
                    var out: [UInt8] = []
                    _ = try archive.extract(entry, skipCRC32: false) { out.append(contentsOf: $0) }
                    return out
                }
                bytes = try read(path)
                manifest = try read(manifestName)
            } catch {
                throw .unreadable(path: location.path, reason: "\(error)")
            }
        }
        guard let bytes else { throw .missingFile(pack: location.path, file: path) }
        if let manifest, let entry = try manifestEntries(manifest, pack: location).first(where: { $0.path == path }) {
            let digest = SHA256Hasher.hex(bytes)
            if bytes.count != entry.size || digest != entry.sha256 {
                throw .checksumMismatch(pack: location.path, file: path, expected: entry.sha256, actual: digest)
            }
        }
        return bytes
    }
}
