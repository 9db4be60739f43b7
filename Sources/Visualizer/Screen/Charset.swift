/// The characters a ``ScreenBuffer`` draws lines, boxes and arrowheads with.
public enum Charset: Hashable, Sendable {
  /// Unicode box drawing (`─ │ ┼ ╭ ▶`), for UTF-8 terminals.
  case unicode
  /// Plain ASCII (`- | + >`), for terminals or logs that cannot show Unicode.
  case ascii
}
