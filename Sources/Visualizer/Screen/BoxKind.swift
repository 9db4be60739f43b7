/// The look of a box drawn with ``ScreenBuffer/box(x:y:width:height:kind:style:)``.
public enum BoxKind: Hashable, Sendable {
  /// Light lines with round corners: `╭╮╰╯`.
  case rounded
  /// Light lines with square corners: `┌┐└┘`.
  case square
  /// Heavy lines with square corners: `┏┓┗┛`, for a highlighted box.
  case heavy

  var weight: LineWeight { self == .heavy ? .heavy : .light }
}
