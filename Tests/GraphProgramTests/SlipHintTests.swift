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
