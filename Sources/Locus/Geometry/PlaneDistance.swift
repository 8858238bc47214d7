/// The one distance of the library: plane distance in metres between two British National Grid points.
/// Every nearness question (builder, store, matcher, anonymiser) goes through it, so that they agree to the bit.
@inline(__always)
func planeDistance(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> Double {
    ((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2)).squareRoot()
}
