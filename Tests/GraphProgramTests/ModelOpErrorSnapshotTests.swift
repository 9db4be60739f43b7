import GraphProgram
import Testing

/// Misused model ops (issue 18): each is a located error that names the shapes.
@Suite struct ModelOpErrorSnapshotTests {
  static let snapshots: [ErrorSnapshot] = [
    .init(
      "indexOutOfRange", "z = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\ny = sum(z[:, 3])",
      """
      t.grad:2:10: error: GetItem: index 3 out of range for axis 1 of shape (3, 3)
        y = sum(z[:, 3])
                 ^
      """),
    .init(
      "tooManyIndices", "z = [1, 2, 3]\ny = z[0, 1]",
      """
      t.grad:2:6: error: GetItem: too many indices (2) for shape (3,)
        y = z[0, 1]
             ^
      """),
    .init(
      "variableIndex", "z = [1, 2, 3]\ni = 1\ny = z[i]",
      """
      t.grad:3:7: error: an index must be a whole number, like 0, -1 or 1:3 (indexing by a variable is not supported)
        y = z[i]
              ^
      """),
    .init(
      "zeroStep", "z = [1, 2, 3]\ny = z[::0]",
      """
      t.grad:2:9: error: slice step cannot be zero
        y = z[::0]
                ^
      """),
    .init(
      "unclosedIndex", "z = [1, 2, 3]\ny = z[1 + 2",
      """
      t.grad:2:12: error: expected ',' or ']' to close the '[' at 2:6, found end of line
        y = z[1 + 2
                   ^
      """),
    .init(
      "concatMismatch", "a = [[1, 2]]\nb = [[1, 2, 3]]\ny = concat(a, b, 0)",
      """
      t.grad:3:5: error: Concat: cannot concatenate shapes (1, 2) and (1, 3) along axis 0
        y = concat(a, b, 0)
            ^~~~~~
      """),
    .init(
      "concatWithoutAxis", "a = [1, 2]\nb = [3]\ny = concat(a, b)",
      """
      t.grad:3:15: error: concat takes tensors and then the axis, as in concat(a, b, 0)
        y = concat(a, b)
                      ^
      """),
    .init(
      "hugeIndex", "z = [1, 2, 3]\ny = z[99999999999999999999]",
      """
      t.grad:2:7: error: index 99999999999999999999 is too large: an index is at most 1,000,000,000 in size
        y = z[99999999999999999999]
              ^~~~~~~~~~~~~~~~~~~~
      """),
    .init(
      "hugeAxis", "z = [1, 2, 3]\ny = mean(z, 9223372036854775807)",
      """
      t.grad:2:13: error: mean: axis 9223372036854775807 is too large: an axis is at most 1,000,000,000 in size
        y = mean(z, 9223372036854775807)
                    ^~~~~~~~~~~~~~~~~~~
      """),
    .init(
      "maxOfNothing", "z = [1, 2, 3]\ny = max(z[1:1])",
      """
      t.grad:2:5: error: Max: axis 0 of shape (0,) is empty, and the max of no elements is undefined
        y = max(z[1:1])
            ^~~
      """),
    .init(
      "softmaxAxisOutOfRange", "z = [[1, 2], [3, 4]]\ny = softmax(z, 2)",
      """
      t.grad:2:5: error: Softmax: axis 2 is out of range for shape (2, 2)
        y = softmax(z, 2)
            ^~~~~~~
      """),
    .init(
      "softmaxWithoutAxis", "z = [1, 2]\ny = softmax(z)",
      """
      t.grad:2:5: error: softmax takes a tensor and one axis, as in softmax(x, 1); got 1 argument
        y = softmax(z)
            ^~~~~~~
      """),
    .init(
      "maxAxisOutOfRange", "z = [[1, 2], [3, 4]]\ny = max(z, -3)",
      """
      t.grad:2:5: error: Max: axis -3 is out of range for shape (2, 2)
        y = max(z, -3)
            ^~~
      """),
    .init(
      "clipBoundsReversed", "z = [1, 2]\ny = clip(z, 1, 0)",
      """
      t.grad:2:13: error: clip: the lower bound 1 is above the upper bound 0
        y = clip(z, 1, 0)
                    ^~~~
      """),
    .init(
      "maximumShapes", "a = [1, 2]\nb = [1, 2, 3]\ny = maximum(a, b)",
      """
      t.grad:3:5: error: Maximum: cannot broadcast shapes (2,) and (3,)
        y = maximum(a, b)
            ^~~~~~~
      """),
    .init(
      "powerShapes", "a = [1, 2]\nb = [1, 2, 3]\ny = a ^ b",
      """
      t.grad:3:7: error: PowVariable: cannot broadcast shapes (2,) and (3,)
        y = a ^ b
              ^
      """),
    .init(
      "indexANumber", "x = 1\ny = x + 2[0]",
      """
      t.grad:2:9: error: cannot index the number 2; index a variable, as in x[0]
        y = x + 2[0]
                ^
      """),
  ]

  @Test(arguments: snapshots) func rendersExactly(snapshot: ErrorSnapshot) {
    #expect(renderedError(snapshot.program, fileName: "t.grad") == snapshot.expected)
  }
}

/// Index syntax edge cases: every malformed index is an error, never silently another index.
@Suite struct IndexSyntaxTests {
  static let expectedItem =
    "expected an index (a whole number), a slice like 1:3 or ':', or a list like [0, 2],"

  @Test(arguments: [
    ("y = z[,1]", "2:7: error: \(IndexSyntaxTests.expectedItem) found ','"),
    ("y = z[1,]", "2:9: error: \(IndexSyntaxTests.expectedItem) found ']'"),
    ("y = z[]", "2:7: error: \(IndexSyntaxTests.expectedItem) found ']'"),
    (
      "y = z[[0 1]]",
      "2:10: error: expected ',' or ']' to close the list of positions at 2:7, found number '1'"
    ),
    ("y = z[[:]]", "2:8: error: expected a position (a whole number) in the list, found ':'"),
    ("y = z[[0, 1]", "2:13: error: expected ',' or ']' to close the '[' at 2:6, found end of line"),
    ("y = z[1.5]", "2:7: error: an index must be a whole number"),
    ("y = z[1e300]", "2:7: error: index 1e300 is too large"),
    ("y = z[0:1:2:3]", "2:12: error: expected ',' or ']' to close the '[' at 2:6, found ':'"),
  ])
  func malformedIndexes(line: String, message: String) {
    let rendered = renderedError("z = [[1, 2], [3, 4]]\n" + line)
    #expect(rendered.hasPrefix(message), "\(rendered)")
  }

}
