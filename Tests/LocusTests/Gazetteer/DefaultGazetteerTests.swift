import Foundation
import Testing
@testable import Locus

/// Where the default gazetteer goes and which sources a default build uses.
@Suite struct DefaultGazetteerTests {
    let checkout = URL(fileURLWithPath: "/work/some-checkout")

    @Test func defaultPathHonoursLOCUS_GAZETTEER() {
        #expect(DefaultGazetteer.path(environment: [:], directory: checkout).path
            == "/work/some-checkout/gazetteer/london.sqlite")
        #expect(DefaultGazetteer.path(environment: ["LOCUS_GAZETTEER": "/data/g.sqlite"], directory: checkout).path
            == "/data/g.sqlite")
    }

    @Test func sharedFolderIsFoundBesideTheCheckoutOrNotAtAll() {
        #expect(DefaultGazetteer.sharedLondonFolder(environment: ["LOCUS_SHARED_DIR": "/no/such/dir"]) == nil)
        let elsewhere = URL(fileURLWithPath: "/nonexistent/checkout")
        #expect(DefaultGazetteer.sharedLondonFolder(environment: [:], directory: elsewhere) == nil)
        #expect(DefaultGazetteer.sharedLondonFolder(environment: [:], directory: checkout)?.path == "/work/shared/data/london"
            || !FileManager.default.fileExists(atPath: "/work/shared/data/london"))
    }

    @Test(.enabled(if: SharedData.isAvailable, SharedData.skipMessage))
    func sharedFolderIsPreferred() throws {
        let root = try #require(SharedData.root)
        let folder = try #require(DefaultGazetteer.sharedLondonFolder(environment: ["LOCUS_SHARED_DIR": root.path]))
        let sources = try DefaultGazetteer.sources(
            cache: FileManager.default.temporaryDirectory, environment: ["LOCUS_SHARED_DIR": root.path])
        #expect(sources == .sharedLondon(folder))
        #expect(sources.premises != nil && sources.naptan != nil)
    }
}
