extension Projector {
    /// A WGS84 → BNG point rounded to 0.1 m, or nil when PROJ cannot place it.
    func gridPoint(longitude: Double, latitude: Double) -> (x: Double, y: Double)? {
        let out = transform(x: longitude, y: latitude)
        guard out.status == .ok else { return nil }
        return ((out.x * 10).rounded() / 10, (out.y * 10).rounded() / 10)
    }
}
