/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbours each cost 1, so `sqaure` is 1 away from `square`.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
  var previous2 = [Int]()
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        current[j] = min(current[j], previous2[j - 2] + 1)
      }
    }
    previous2 = previous
    previous = current
  }
  return previous[b.count]
}

/// The candidate closest to `word`, when it is close enough to be a likely typo (at most a third of
/// the word's length away, and at least 1 edit allowed); ties go to the earliest candidate.
func closestMatch(to word: String, among candidates: [String]) -> String? {
  let allowed = max(1, word.count / 3)
  guard word.count <= 64 else { return nil }
  var best: (name: String, distance: Int)?
  for candidate in candidates where candidate != word && abs(candidate.count - word.count) <= allowed {
    let distance = editDistance(word, candidate)
    if distance <= allowed, distance < best?.distance ?? Int.max { best = (candidate, distance) }
  }
  return best?.name
}
