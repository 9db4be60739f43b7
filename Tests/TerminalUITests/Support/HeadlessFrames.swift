/// Waits until the screen shows what `gradstep ARGUMENTS --headless` prints for `keys` at its size.
func expectScreen(
  _ session: TmuxSession, equalsHeadless keys: String, arguments: [String] = [], columns: Int = 100,
  rows: Int = 30
) throws {
  let expected = frameLines(
    try GradStepBinary.headless(keys: keys, arguments: arguments, columns: columns, rows: rows)
      .standardOutput)
  try session.waitUntil("the screen to match the headless frame for keys \"\(keys)\"") {
    frameLines($0) == expected
  }
}

/// A frame's lines without trailing spaces, and without the empty lines at the end (tmux
/// and the headless output differ in those).
func frameLines(_ text: String) -> [String] {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
    String($0.reversed().drop { $0 == " " }.reversed())
  }
  while lines.last == "" { lines.removeLast() }
  return lines
}
