import Testing

/// Common slips from Python and NumPy get a pointer to GradStep's way of writing them.
@Suite struct SlipHintTests {
  @Test func powersWithTwoStars() {
    #expect(
      renderedError("x = 2\ny = x**2") == """
        2:7: error: '**' is not an operator here: write powers with '^', as in 'x^2'
          y = x**2
                ^
        """)
  }

  @Test func matrixProductsWithAt() {
    #expect(
      renderedError("W = [[1, 2], [3, 4]]\nv = [1, 2]\ny = sum(W @ v)") == """
        3:11: error: unexpected character '@': write a matrix product as 'matmul(a, b)'
          y = sum(W @ v)
                    ^
        """)
  }

  @Test(arguments: ["y = x.exp()", "y = x.exp", "y = 1 + x.tanh()"])
  func methodCalls(line: String) {
    let message = renderedError("x = 0.5\n" + line)
    #expect(message.contains("is a method call; GradStep has functions instead: write '"))
    #expect(message.contains("(x)'"))
  }

  @Test func aNumberWithAFractionIsStillJustMalformed() {
    #expect(renderedError("x = 0.5\ny = x + 1.2.3").contains("malformed number '1.2.3'"))
  }
}

/// PyTorch and NumPy spellings of the model ops point at GradStep's.
@Suite struct PythonSpellingHintTests {
  @Test(arguments: [
    ("y = x.mean()", "'x.mean' is a method call; GradStep has functions instead: write 'mean(x)'"),
    ("y = x.T", "'x.T' is a method call; GradStep has functions instead: write 'transpose(x)'"),
    (
      "y = x.clamp(0, 1)",
      "'x.clamp' is a method call; GradStep has functions instead: write 'clip(x, lo, hi)'"
    ),
    (
      "y = torch.cat(x, x)",
      "'torch.cat' is Python; GradStep's functions have no module prefix: write 'concat(a, b, axis)'"
    ),
    (
      "y = F.softmax(x, dim=1)",
      "'F.softmax' is Python; GradStep's functions have no module prefix: write 'softmax(x, 1)'"
    ),
    (
      "y = softmax(x, dim=1)",
      "'dim=' is a keyword argument; GradStep's arguments are plain and in order, as in softmax(x, 1)"
    ),
    (
      "y = sum(x, axis=0)",
      "'axis=' is a keyword argument; GradStep's arguments are plain and in order, as in sum(x, 1) or sum(x, 1, keepdims)"
    ),
  ])
  func pointsAtGradStepsSpelling(line: String, message: String) {
    let rendered = renderedError("x = [[1, 2], [3, 4]]\n" + line)
    #expect(
      rendered.split(separator: "\n").first.map { $0.hasSuffix("error: " + message) } == true, "\(rendered)")
  }
}
