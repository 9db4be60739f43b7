import Autodiff

extension NodeContext {
  /// The `axes` of a reduction or squeeze: the attribute (older opsets) or the constant input at
  /// `inputIndex` (newer ones), each resolved against `rank`; `nil` when neither is given.
  mutating func axes(input inputIndex: Int, rank: Int) throws(ModelImportError) -> [Int]? {
    let listed: [Int]?
    if let attribute = try ints("axes") {
      listed = attribute
    } else if has(inputIndex) {
      listed = try integers(inputIndex, "axes")
    } else {
      listed = nil
    }
    guard let listed else { return nil }
    var resolved = [Int]()
    for value in listed { resolved.append(try axis(value, rank: rank)) }
    guard Set(resolved).count == resolved.count else { throw error("axes \(listed) repeat an axis") }
    return resolved.sorted()
  }
}
