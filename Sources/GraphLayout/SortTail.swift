extension Array where Element: Comparable {
  /// Sorts `self[start...]` in place, without the copy that sorting an `ArraySlice` of the array
  /// makes: by insertion for the few neighbours of a typical node, else with the standard sort.
  mutating func sortTail(from start: Int) {
    guard count - start > 1 else { return }
    withUnsafeMutableBufferPointer { elements in
      guard elements.count - start <= 16 else {
        var tail = UnsafeMutableBufferPointer(rebasing: elements[start...])
        tail.sort()
        return
      }
      for index in (start + 1)..<elements.count {
        let element = elements[index]
        var slot = index
        while slot > start && element < elements[slot - 1] {
          elements[slot] = elements[slot - 1]
          slot -= 1
        }
        elements[slot] = element
      }
    }
  }
}
