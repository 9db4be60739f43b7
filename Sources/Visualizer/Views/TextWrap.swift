/// Breaks clauses (`gx = exp(a)·gy`, `= 1.28 × 2.57`, `= 3.30`) into lines of at most `width`
/// characters: whole clauses where they fit, else word by word at spaces from a new line. A word wider than a line
/// is replaced by `…`, so a number is never split. Continuation lines start with `indent`.
func wrap(_ clauses: [String], width: Int, indent: String) -> [String] {
  var lines = [String]()
  var current = ""
  func place(_ piece: String) {
    if current.isEmpty {
      current = (lines.isEmpty ? "" : indent) + piece
    } else if current.count + 1 + piece.count <= width {
      current += " " + piece
    } else {
      lines.append(current)
      current = indent + piece
    }
  }
  let room = max(width - indent.count, 1)
  for clause in clauses {
    guard clause.count > room else {
      place(clause)
      continue
    }
    if !current.isEmpty {
      lines.append(current)
      current = ""
    }
    for word in clause.split(separator: " ") { place(word.count <= room ? String(word) : "…") }
  }
  if !current.isEmpty { lines.append(current) }
  return lines
}

/// The longest prefix of `text` of at most `width` characters that ends before a space (or all of
/// `text` when it fits); empty when the first word alone is too wide.
func cutAtSpace(_ text: String, width: Int) -> String {
  guard text.count > width else { return text }
  let prefix = text.prefix(width + 1)
  guard let space = prefix.lastIndex(of: " ") else { return "" }
  return String(String(text[..<space]).reversed().drop { $0 == " " }.reversed())
}
