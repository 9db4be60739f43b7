/// Calls `body`, turning a `ShapeError` into a trap; for code that ran a shape check already.
func checked<T>(_ body: () throws(ShapeError) -> T) -> T {
  do { return try body() } catch { preconditionFailure(error.description) }
}
