import Foundation

extension BatchGazetteer {
    /// `opened` (from `openMatcher`) wrapped in an `AnonymisingGeocoder` over this gazetteer's map points;
    /// a gazetteer without map points is `BatchError.gazetteerUnavailable` (exit 69).
    package func anonymising(_ opened: (geocoder: any Geocoding, gazetteerVersion: String)) throws
        -> (geocoder: any Geocoding, gazetteerVersion: String)
    {
        let index: MapPointIndex
        do {
            index = try MapPointIndex.load(URL(fileURLWithPath: path))
        } catch let GazetteerStoreError.unreadable(_, reason) {
            throw BatchError.gazetteerUnavailable(path: path, reason: reason)
        }
        return (AnonymisingGeocoder(wrapping: opened.geocoder, index: index), opened.gazetteerVersion)
    }
}

extension BatchGazetteer {
    /// The reverse geocoder on this gazetteer (`BatchError.gazetteerUnavailable`, exit 69, when it cannot be
    /// opened or has no map points; `BatchError.unusableCRS` for a CRS PROJ does not know).
    package func openReverse(inputCRS: String) throws -> (geocoder: any Geocoding, gazetteerVersion: String) {
        let store: GazetteerStore
        do {
            store = try GazetteerStore(path: URL(fileURLWithPath: path))
        } catch let GazetteerStoreError.unreadable(_, reason) {
            throw BatchError.gazetteerUnavailable(path: path, reason: reason)
        }
        do {
            return (try ReverseGeocoder(store: store, inputCRS: inputCRS), BatchSummary.gazetteerVersion(meta: store.meta))
        } catch let GazetteerStoreError.unreadable(_, reason) {
            throw BatchError.gazetteerUnavailable(path: path, reason: reason)
        } catch let error as ProjectionError {
            throw BatchError.unusableCRS(crs: inputCRS, reason: "\(error)")
        }
    }
}
