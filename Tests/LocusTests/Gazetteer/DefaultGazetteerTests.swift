import Foundation
import Testing
@testable import Locus

/// Where the default gazetteer goes and where the source pack is found: never the working directory.
@Suite struct DefaultGazetteerTests {
    @Test func defaultPathIsLOCUS_GAZETTEERElseTheDataFolderNamedByTheEdition() {
        let edition = LondonPackEdition.edition
        #expect(DefaultGazetteer.path(environment: ["LOCUS_GAZETTEER": "/data/g.sqlite", "HOME": "/home/u"]).path
            == "/data/g.sqlite")
        #expect(DefaultGazetteer.path(environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]).path
            == "/xdg/locus/\(edition).sqlite")
        #expect(DefaultGazetteer.path(environment: ["HOME": "/home/u"]).path
            == "/home/u/.local/share/locus/\(edition).sqlite")
        // A relative XDG_DATA_HOME is invalid by the XDG rules and ignored.
        #expect(DefaultGazetteer.path(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/u"]).path
            == "/home/u/.local/share/locus/\(edition).sqlite")
        #expect(BatchGazetteer(option: nil, environment: ["HOME": "/home/u"]).path
            == "/home/u/.local/share/locus/\(edition).sqlite")
        #expect(BatchGazetteer(option: nil, environment: ["HOME": "/home/u"]).isDefault)
        #expect(!BatchGazetteer(option: nil, environment: ["LOCUS_GAZETTEER": "g.sqlite"]).isDefault)
    }

    @Test func thePackIsFoundByLOCUS_PACKThenBesideTheExecutableThenTheDataFolderThenTheCheckout() throws {
        let exe = URL(fileURLWithPath: "/opt/locus/bin/locus")
        #expect(PackLocation.candidates(environment: ["LOCUS_PACK": "/p.zip"], executable: exe).map(\.path)
            == ["/p.zip"])
        let candidates = PackLocation.candidates(environment: ["HOME": "/home/u"], executable: exe).map(\.path)
        #expect(candidates == [
            "/opt/locus/bin/london-pack.zip", "/opt/locus/share/locus/london-pack.zip",
            "/home/u/.local/share/locus/london-pack.zip",
            TestGazetteer.repository.appendingPathComponent("gazetteer/london/london-pack.zip").path,
        ])
        #expect(try DefaultGazetteer.findPack(environment: ["HOME": "/nonexistent"], executable: exe).path
            == TestGazetteer.packFile.path)
        #expect(throws: GazetteerBuildError.self) {
            try DefaultGazetteer.findPack(environment: ["LOCUS_PACK": "/no/such/pack.zip"], executable: exe)
        }
        let sources = try DefaultGazetteer.sources(environment: ["LOCUS_PACK": TestGazetteer.packFile.path])
        #expect(sources.pack?.edition == LondonPackEdition.edition)
        #expect(sources.premises != nil && sources.naptan != nil && sources.onspd != nil)
    }

    @Test func theGridIsInstalledFromThePackCheckedAndOnPROJsPathAfterPROJsOwnFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locus-grid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try OSTN15Grid.install(from: TestGazetteer.packFile, into: folder)
        let pack = try SourcePack(TestGazetteer.packFile)
        #expect(try Data(contentsOf: file) == Data(try #require(pack.contents(SourcePack.ostn15GridPath))))
        let grid = try #require(OSTN15Grid.searchFolder)
        let projector = try ProjectionSpec.bngToWGS84.makeProjector()
        #expect(projector.searchPaths.last == grid)
        #expect(projector.searchPaths.count > 1)
    }
}
