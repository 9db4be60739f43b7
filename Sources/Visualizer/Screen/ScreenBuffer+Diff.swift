extension ScreenBuffer {
  /// The positions whose cells differ from those of `previous`, row by row from the top left;
  /// every position if the sizes differ. A terminal backend rewrites just these.
  public func changedCells(since previous: ScreenBuffer) -> [(x: Int, y: Int)] {
    let sameSize = previous.columns == columns && previous.rows == rows
    var changed: [(x: Int, y: Int)] = []
    for y in 0..<rows {
      for x in 0..<columns where !sameSize || self[x: x, y: y] != previous[x: x, y: y] {
        changed.append((x, y))
      }
    }
    return changed
  }
}
