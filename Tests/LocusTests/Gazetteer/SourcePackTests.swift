import Foundation
import Testing
import ZIPFoundation
@testable import Locus

/// The source pack: the shipped zip checks out against its manifest, a pack builds the same gazetteer as
/// the same files on disk, and a damaged or incomplete pack is refused naming the file.
@Suite struct SourcePackTests {
    let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("locus-pack-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// The pack paths the builder reads, and the fixture file put at each.
    static let layout: [(String, String)] = [
        ("postcodes/codepoint-open-london.csv", "codepoint-london.csv"), ("postcodes/onspd-london.csv", "onspd.csv"),
        ("areas/boroughs-wards.csv", "boroughs-wards.csv"), ("areas/lsoa-names.csv", "lsoa-names.csv"),
        ("stations/naptan-london.csv", "naptan.csv"), ("busstops/tfl-bus-stops.csv", "bus-stops.csv"),
        ("addresses/fhrs-london-2020.csv", "fhrs.csv"),
    ]

    /// A folder laid out like the pack from the fixture sources, with a manifest (edition `test-1`).
    func fixturePackFolder(damaging damaged: String? = nil) throws -> URL {
        let folder = scratch.appendingPathComponent("pack")
        var entries: [[String: Any]] = []
        for (path, fixture) in Self.layout {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            let bytes = try Data(contentsOf: TestGazetteer.fixtureFile(fixture))
            try bytes.write(to: target)
            let digest = SHA256Hasher.hex([UInt8](path == damaged ? bytes + Data("x".utf8) : bytes))
            entries.append(["path": path, "size": bytes.count, "sha256": digest])
        }
        let manifest = try JSONSerialization.data(withJSONObject: ["edition": "test-1", "files": entries])
        try manifest.write(to: folder.appendingPathComponent(SourcePack.manifestName))
        return folder
    }

    /// The folder zipped (every file, manifest included) with ZIPFoundation.
    func zip(_ folder: URL, leaving left: String? = nil) throws -> URL {
        let url = scratch.appendingPathComponent("pack-\(UUID().uuidString).zip")
        let archive = try Archive(url: url, accessMode: .create)
        for path in Self.layout.map(\.0) + [SourcePack.manifestName] where path != left {
            try archive.addEntry(with: path, relativeTo: folder, compressionMethod: .deflate)
        }
        return url
    }

    @Test func theShippedPackChecksOutAgainstItsManifest() throws {
        let zipBytes = try Data(contentsOf: TestGazetteer.packFile)
        #expect(SHA256Hasher.hex([UInt8](zipBytes)) == LondonPackEdition.zipSHA256, "regenerate with scripts/make-london-pack.py")
        let pack = try SourcePack(TestGazetteer.packFile)
        #expect(pack.edition == LondonPackEdition.edition)
        #expect(pack.manifest.count == 14)
        #expect(Set(pack.paths) == Set(pack.manifest.keys))
        #expect(pack.contents(SourcePack.ostn15GridPath)?.count ?? 0 > 500_000)
        // The manifest beside the zip is the one inside it.
        let beside = try Data(contentsOf: TestGazetteer.packFile.deletingLastPathComponent()
            .appendingPathComponent(SourcePack.manifestName))
        let archive = try Archive(data: zipBytes, accessMode: .read)
        var inside = Data()
        _ = try archive.extract(try #require(archive[SourcePack.manifestName])) { inside.append($0) }
        #expect(inside == beside)
        for file in pack.gazetteerSources.allFiles { #expect(pack.contents(of: file) != nil, "\(file.path)") }
    }

    @Test func aZipAFolderAndTheFilesOnDiskBuildTheSameGazetteer() throws {
        let folder = try fixturePackFolder()
        let fromFiles = try GazetteerBuilder(sources: .sharedLondon(folder)).build(to: scratch.appendingPathComponent("a.sqlite"))
        let folderPack = try SourcePack(folder)
        #expect(folderPack.edition == "test-1")
        let fromFolder = try GazetteerBuilder(sources: folderPack.gazetteerSources)
            .build(to: scratch.appendingPathComponent("b.sqlite"))
        let zipPack = try SourcePack(try zip(folder))
        #expect(zipPack.edition == "test-1")
        let fromZip = try GazetteerBuilder(sources: zipPack.gazetteerSources)
            .build(to: scratch.appendingPathComponent("c.sqlite"))
        #expect(fromFiles.contentDigest == fromFolder.contentDigest)
        #expect(fromFiles.contentDigest == fromZip.contentDigest)
        #expect(fromZip.sources.map(\.sha256) == fromFiles.sources.map(\.sha256))
        #expect(fromZip.sources.first?.rows ?? 0 > 10)
    }

    @Test func aDamagedFileIsNamed() throws {
        let folder = try fixturePackFolder(damaging: "stations/naptan-london.csv")
        #expect {
            _ = try SourcePack(try zip(folder))
        } throws: { error in
            guard case let SourcePackError.checksumMismatch(_, file, _, _) = error else { return false }
            return file == "stations/naptan-london.csv"
                && "\(error)".contains("stations/naptan-london.csv in the source pack")
        }
    }

    @Test func aMissingFileAndAMissingPackAreNamed() throws {
        let folder = try fixturePackFolder()
        #expect(throws: SourcePackError.missingFile(pack: "", file: "areas/lsoa-names.csv").self) {
            do { _ = try SourcePack(try zip(folder, leaving: "areas/lsoa-names.csv")) } catch let SourcePackError.missingFile(_, file) {
                throw SourcePackError.missingFile(pack: "", file: file)
            }
        }
        let nowhere = scratch.appendingPathComponent("none.zip")
        #expect(throws: SourcePackError.missing(path: nowhere.path)) { _ = try SourcePack(nowhere) }
        let notZip = scratch.appendingPathComponent("not.zip")
        try Data("hello".utf8).write(to: notZip)
        #expect { _ = try SourcePack(notZip) } throws: { error in
            if case SourcePackError.unreadable = error { return true }
            return false
        }
    }
}
