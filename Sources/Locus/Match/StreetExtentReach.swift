extension GazetteerStreet {
    /// How far a place on this street may lie from the point (`px`, `py`) of it, when a place on it lies at most
    /// `reach` from the middle of its known extent (`StreetReach`): the farthest corner of the known extent, plus
    /// what the reach allows beyond the extent (a little-known street may run on past its known points).
    ///
    /// From the middle of the extent this is `reach` itself; from a point near one end of a long street (a
    /// postcode or locality anchor picked it) it is up to the whole length, not the half of it.
    func reach(from px: Double, _ py: Double, reach: Double) -> Double {
        let corners = [(minX, minY), (minX, maxY), (maxX, minY), (maxX, maxY)]
        let farthest = corners.map { planeDistance($0.0, $0.1, px, py) }.max() ?? 0
        return farthest + max(0, reach - halfDiagonal)
    }
}
