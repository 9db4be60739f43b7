import Autodiff
import GraphProgram
import Testing

/// One program with an error and the exact text `render(fileName: "t.grad")` gives for it.
struct ErrorSnapshot: Sendable, CustomTestStringConvertible {
  var name: String
  var program: String
  var expected: String

  init(_ name: String, _ program: String, _ expected: String) {
    self.name = name
    self.program = program
    self.expected = expected
  }

  var testDescription: String { name }
}

let deepParentheses =
  "x = 1\ny = " + String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
let deepList = "v = " + String(repeating: "[", count: 10_000)
let deepMinus = "x = 1\ny = " + String(repeating: "-", count: 10_000) + "x"

/// Every kind of error, rendered as a compiler prints it, compared to the letter.
@Suite struct ErrorSnapshotTests {
  static let snapshots: [ErrorSnapshot] = [
    .init(
      "unexpectedCharacter", "x = 1\ny = x $ 2",
      """
      t.grad:2:7: error: unexpected character '$'
        y = x $ 2
              ^
      """),
    .init(
      "invisibleCharacter", "x = 1\ny = x\u{07}",
      """
      t.grad:2:6: error: unexpected character U+0007
        y = x�
             ^
      """),
    .init(
      "malformedNumber", "x = 1.2.3",
      """
      t.grad:1:5: error: malformed number '1.2.3'
        x = 1.2.3
            ^~~~~
      """),
    .init(
      "numberGluedToName", "x = 1\ny = 2x",
      """
      t.grad:2:5: error: malformed number '2x'; to multiply, write '2 * x'
        y = 2x
            ^~
      """),
    .init(
      "expectedNameAtStart", "= 3",
      """
      t.grad:1:1: error: expected a name at the start of a statement, found '='
        = 3
        ^
      """),
    .init(
      "expectedEquals", "x 3",
      """
      t.grad:1:3: error: expected '=' after 'x', found number '3'
        x 3
          ^
      """),
    .init(
      "expectedExpression", "x = 1\ny = x +",
      """
      t.grad:2:8: error: expected an expression after '+', found end of line
        y = x +
               ^
      """),
    .init(
      "expectedExpressionAfterEquals", "y =",
      """
      t.grad:1:4: error: expected an expression after '=', found end of line
        y =
           ^
      """),
    .init(
      "unexpectedTokenAfterExpression", "x = 1\ny = x )",
      """
      t.grad:2:7: error: expected an operator, ';' or end of line, found ')'
        y = x )
              ^
      """),
    .init(
      "unclosedParenthesis", "x = 1\ny = (x + 1",
      """
      t.grad:2:11: error: expected ')' to close the '(' at 2:5, found end of line
        y = (x + 1
                  ^
      """),
    .init(
      "unclosedCall", "x = 1\ny = square(x",
      """
      t.grad:2:13: error: expected ')' after arguments, found end of line
        y = square(x
                    ^
      """),
    .init(
      "callArgumentsNotSeparated", "x = 1\ny = add(x x)",
      """
      t.grad:2:11: error: expected ')' after arguments, found name 'x'
        y = add(x x)
                  ^
      """),
    .init(
      "unterminatedList", "v = [1, 2",
      """
      t.grad:1:10: error: unterminated list; expected ']' to close the '[' at 1:5
        v = [1, 2
                 ^
      """),
    .init(
      "unterminatedNestedList", "W = [[1, 2], [3, 4]",
      """
      t.grad:1:20: error: unterminated list; expected ']' to close the '[' at 1:5
        W = [[1, 2], [3, 4]
                           ^
      """),
    .init(
      "listWithoutComma", "v = [1 2]",
      """
      t.grad:1:8: error: expected ',' or ']' in the list, found number '2'
        v = [1 2]
               ^
      """),
    .init(
      "listWithName", "v = [1, x]",
      """
      t.grad:1:9: error: expected a number in the list, found name 'x'
        v = [1, x]
                ^
      """),
    .init(
      "raggedList", "W = [[1, 2], [3]]",
      """
      t.grad:1:14: error: ragged list: this item is a list of shape (1,) but the first is a list of shape (2,)
        W = [[1, 2], [3]]
                     ^~~
      """),
    .init(
      "raggedListNumberAndList", "W = [[1, 2], 3]",
      """
      t.grad:1:14: error: ragged list: this item is a number but the first is a list of shape (2,)
        W = [[1, 2], 3]
                     ^
      """),
    .init(
      "listInsideExpression", "x = 1\ny = x + [1]",
      """
      t.grad:2:9: error: a list can only be the whole value of an input, as in 'v = [1, 2]'
        y = x + [1]
                ^
      """),
    .init(
      "undefinedName", "x = 0.5\na = square(x)\nb = exp(c)",
      """
      t.grad:3:9: error: undefined name 'c'
        b = exp(c)
                ^
      """),
    .init(
      "undefinedNameWithSuggestion", "weight = 2\ny = wieght * 3",
      """
      t.grad:2:5: error: undefined name 'wieght'; did you mean 'weight'?
        y = wieght * 3
            ^~~~~~
      """),
    .init(
      "functionUsedAsValue", "x = 1\ny = exp + 1",
      """
      t.grad:2:5: error: 'exp' is a function; call it with arguments, as in exp(x)
        y = exp + 1
            ^~~
      """),
    .init(
      "unknownFunctionWithSuggestion", "x = 1\ny = sqaure(x)",
      """
      t.grad:2:5: error: unknown function 'sqaure'; did you mean 'square'?
        y = sqaure(x)
            ^~~~~~
      """),
    .init(
      "unknownFunctionWithoutSuggestion", "x = 1\ny = frobnicate(x)",
      """
      t.grad:2:5: error: unknown function 'frobnicate'; functions are square, exp, sin, cos, tanh, log, sqrt, sigmoid, relu, neg, pow, add, sub, mul, div, matmul, sum, sum_to, broadcast_to, reshape, transpose, mean, max, min, abs, maximum, minimum, clip, softmax, log_softmax, logsumexp, concat
        y = frobnicate(x)
            ^~~~~~~~~~
      """),
    .init(
      "variableCalledAsFunction", "x = 1\ny = x(2)",
      """
      t.grad:2:5: error: 'x' is a variable, not a function
        y = x(2)
            ^
      """),
    .init(
      "wrongArgumentCount", "x = 1\ny = square(x, x)",
      """
      t.grad:2:5: error: square takes 1 argument, got 2
        y = square(x, x)
            ^~~~~~
      """),
    .init(
      "wrongArgumentCountBinary", "x = 1\ny = matmul(x)",
      """
      t.grad:2:5: error: matmul takes 2 arguments, got 1
        y = matmul(x)
            ^~~~~~
      """),
    .init(
      "missingTensorArgument", "x = 1\ny = reshape()",
      """
      t.grad:2:5: error: reshape needs at least 1 argument, got 0
        y = reshape()
            ^~~~~~~
      """),
    .init(
      "nonFiniteExponent", "x = 1\ny = x ^ (1 / 0)",
      """
      t.grad:2:9: error: exponent inf is not finite
        y = x ^ (1 / 0)
                ^~~~~~~
      """),
    .init(
      "axisNotWholeNumber", "v = [1, 2]\ny = sum(v, 0.5)",
      """
      t.grad:2:12: error: sum: each axis must be a whole number, like 1 or -1
        y = sum(v, 0.5)
                   ^~~
      """),
    .init(
      "dimensionFromName", "v = [1, 2]\nn = 2\ny = reshape(v, n)",
      """
      t.grad:3:16: error: reshape: each dimension must be a whole number, like 1 or -1
        y = reshape(v, n)
                       ^
      """),
    .init(
      "dimensionTooLarge", "v = [1, 2]\ny = reshape(v, 1e12)",
      """
      t.grad:2:16: error: reshape: dimension 1e12 is too large: a dimension is at most 1,000,000,000 in size
        y = reshape(v, 1e12)
                       ^~~~
      """),
    .init(
      "keepdimsNotLast", "v = [1, 2]\ny = sum(v, keepdims, 0)",
      """
      t.grad:2:22: error: keepdims must be the last argument of sum
        y = sum(v, keepdims, 0)
                             ^
      """),
    .init(
      "broadcastMismatch", "u = [[1, 2, 3], [4, 5, 6]]\nv = [1, 2, 3, 4]\ny = u + v",
      """
      t.grad:3:7: error: Add: cannot broadcast shapes (2, 3) and (4,)
        y = u + v
              ^
      """),
    .init(
      "broadcastMismatchInCall", "u = [[1, 2, 3], [4, 5, 6]]\nv = [1, 2, 3, 4]\ny = exp(mul(u, v))",
      """
      t.grad:3:9: error: Mul: cannot broadcast shapes (2, 3) and (4,)
        y = exp(mul(u, v))
                ^~~
      """),
    .init(
      "matmulMismatch", "A = [[1, 2], [3, 4]]\nv = [1, 2, 3]\ny = matmul(A, v)",
      """
      t.grad:3:5: error: MatMul: inner lengths differ: (2, 2) × (3,) (2 ≠ 3)
        y = matmul(A, v)
            ^~~~~~
      """),
    .init(
      "reshapeMismatch", "v = [1, 2, 3]\ny = reshape(v, 2, -1)",
      """
      t.grad:2:5: error: Reshape: cannot reshape (3,) (3 elements) to (2, -1)
        y = reshape(v, 2, -1)
            ^~~~~~~
      """),
    .init(
      "negativeDimension", "v = [1, 2]\ny = broadcast_to(v, -2)",
      """
      t.grad:2:5: error: BroadcastTo: dimension -2 is negative
        y = broadcast_to(v, -2)
            ^~~~~~~~~~~~
      """),
    .init(
      "axisOutOfRange", "v = [1, 2]\ny = sum(v, 1)",
      """
      t.grad:2:5: error: Sum: axis 1 is out of range for shape (2,)
        y = sum(v, 1)
            ^~~
      """),
    .init(
      "transposeNotPermutation", "W = [[1, 2]]\ny = transpose(W, 0)",
      """
      t.grad:2:5: error: Transpose: axes [0] are not a permutation of the 2 axes of (1, 2)
        y = transpose(W, 0)
            ^~~~~~~~~
      """),
    .init(
      "shapeTooLarge", "x = 1\ny = broadcast_to(x, 2000, 2000)",
      """
      t.grad:2:5: error: BroadcastTo: the shape (2000, 2000) has more than 1000000 elements
        y = broadcast_to(x, 2000, 2000)
            ^~~~~~~~~~~~
      """),
    .init(
      "resultTooLarge", "x = 1\na = broadcast_to(x, 1000, 1)\nb = broadcast_to(x, 1, 2000)\nc = a * b",
      """
      t.grad:4:7: error: Mul: the result (1000, 2000) would have more than 1000000 elements
        c = a * b
              ^
      """),
    .init(
      "reshapeNegativeDimension", "v = [1, 2]\ny = reshape(v, -2)",
      """
      t.grad:2:5: error: Reshape: dimension -2 is negative (only -1, for an inferred axis, is allowed)
        y = reshape(v, -2)
            ^~~~~~~
      """),
    .init(
      "programTooLarge", "x = [[1]]\nb = broadcast_to(x, 1000, 1000)\nc = matmul(b, b)",
      """
      t.grad:3:5: error: the program would compute more than 10000000 numbers; GradStep is for small graphs
        c = matmul(b, b)
            ^~~~~~
      """),
    .init(
      "assignedTwice", "x = 0.5\nx = 1",
      """
      t.grad:2:1: error: x is assigned twice; first at 1:1
        x = 1
        ^
      """),
    .init(
      "computesNothing", "x = 1\ny = x",
      """
      t.grad:2:5: error: 'y = …' computes nothing: give 'y' an operation, or use 'output' to pick a result
        y = x
            ^
      """),
    .init(
      "emptyProgram", "", "t.grad:1:1: error: nothing to compute: the program has no statements\n  \n  ^"),
    .init(
      "onlyComments", "# nothing here\n",
      """
      t.grad:1:1: error: nothing to compute: the program has no statements
        # nothing here
        ^
      """),
    .init(
      "onlyInputs", "x = 1\nv = [2]",
      """
      t.grad:2:1: error: nothing to compute: the program only declares inputs; add a line such as 'y = square(v)'
        v = [2]
        ^
      """),
    .init(
      "outputIsAnInput", "x = 1\ny = exp(x)\noutput x",
      """
      t.grad:3:8: error: nothing to compute: the output 'x' is an input
        output x
               ^
      """),
    .init(
      "lastAssignedIsAnInput", "x = 1\ny = exp(x)\nz = 2",
      """
      t.grad:3:1: error: nothing to compute: the output 'z' (the last assigned name) is an input; add a line 'output NAME' to choose another
        z = 2
        ^
      """),
    .init(
      "outputUnknown", "x = 1\nresult = exp(x)\noutput reslut",
      """
      t.grad:3:8: error: output names 'reslut', which is never assigned; did you mean 'result'?
        output reslut
               ^~~~~~
      """),
    .init(
      "outputTwice", "x = 1\ny = exp(x)\noutput y\noutput y",
      """
      t.grad:4:1: error: output is given twice; first at 3:1
        output y
        ^~~~~~
      """),
    .init(
      "outputWithoutName", "x = 1\ny = exp(x)\noutput",
      """
      t.grad:3:7: error: expected a name after 'output', found end of line
        output
              ^
      """),
    .init(
      "numberTooLarge", "x = 1e999\ny = exp(x)",
      """
      t.grad:1:5: error: number '1e999' is not finite; values must be finite numbers
        x = 1e999
            ^~~~~
      """),
    .init(
      "nanInList", "v = [1, nan]",
      """
      t.grad:1:9: error: 'nan' is not a finite number; values must be finite numbers
        v = [1, nan]
                ^~~
      """),
    .init(
      "infInExpression", "x = 1\ny = x * inf",
      """
      t.grad:2:9: error: 'inf' is not a finite number; values must be finite numbers
        y = x * inf
                ^~~
      """),
    .init(
      "nestedTooDeeply", deepParentheses,
      """
      t.grad:2:133: error: expression nested too deeply (more than 128 levels)
        …((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((…
                                                           ^
      """),
    .init(
      "listNestedTooDeeply", deepList,
      """
      t.grad:1:133: error: list nested too deeply (more than 128 levels)
        …[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…
                                                           ^
      """),
    .init(
      "unaryMinusNestedTooDeeply", deepMinus,
      """
      t.grad:2:133: error: expression nested too deeply (more than 128 levels)
        …------------------------------------------------------------------------------------------------------------------------…
                                                           ^
      """),
  ]

  @Test(arguments: snapshots) func rendersExactly(snapshot: ErrorSnapshot) {
    #expect(renderedError(snapshot.program, fileName: "t.grad") == snapshot.expected)
  }
}
