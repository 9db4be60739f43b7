import GraphProgram
import Testing

/// Misused `grad`, `backward` and `cleargrad`, rendered as a compiler prints them.
@Suite struct GradientErrorSnapshotTests {
  static let snapshots: [ErrorSnapshot] = [
    .init(
      "gradOfSomethingNotDependingOnX", "x = 1\nz = 2\ny = exp(z)\ng = grad(y, x)",
      """
      t.grad:4:10: error: grad(y, x): 'y' does not depend on 'x', so the gradient would be zero
        g = grad(y, x)
                 ^
      """),
    .init(
      "gradWithRespectToAComputedVariableNotUsed", "x = 1\na = square(x)\ny = exp(x)\ng = grad(y, a)",
      """
      t.grad:4:10: error: grad(y, a): 'y' does not depend on 'a', so the gradient would be zero
        g = grad(y, a)
                 ^
      """),
    .init(
      "gradOfAnInput", "x = 1\nw = 2\ng = grad(w, x)",
      """
      t.grad:3:10: error: grad(w, x): 'w' is an input, not a computed variable
        g = grad(w, x)
                 ^
      """),
    .init(
      "gradOfAnInputInsideAnExpression", "x = 1\nw = 2\ng = 2 * grad(w, x)",
      """
      t.grad:3:14: error: grad(w, x): 'w' is an input, not a computed variable
        g = 2 * grad(w, x)
                     ^
      """),
    .init(
      "gradOfAnExpression", "x = 1\ng = grad(x*x, x)",
      """
      t.grad:2:10: error: grad's arguments are names, as in grad(y, x): expected the variable to differentiate; to differentiate an expression, name it in a line of its own first
        g = grad(x*x, x)
                 ^
      """),
    .init(
      "gradWithOneArgument", "x = 1\ny = x*x\ng = grad(y)",
      """
      t.grad:3:11: error: grad takes 2 arguments, grad(y, x); expected ',' after 'y'
        g = grad(y)
                  ^
      """),
    .init(
      "gradOfAnUndefinedName", "x = 1\ny = x*x\ng = grad(yy, x)",
      """
      t.grad:3:10: error: undefined name 'yy'
        g = grad(yy, x)
                 ^~
      """),
    .init(
      "gradThatIsConstant", "x = 1\ny = 3 * x\ng = grad(y, x)\ng2 = grad(g, x)",
      """
      t.grad:4:6: error: the gradient of 'g' with respect to 'x' is the constant 0.0: nothing depends on 'x' to show or differentiate
        g2 = grad(g, x)
             ^~~~~~~~~~
      """),
    .init(
      "cleargradFirst", "x = 1\ny = x*x\ncleargrad\nbackward",
      """
      t.grad:3:1: error: cleargrad before any backward: there are no gradients to clear yet
        cleargrad
        ^~~~~~~~~
      """),
    .init(
      "cleargradTwice", "x = 1\ny = x*x\nbackward\ncleargrad\ncleargrad\nbackward",
      """
      t.grad:5:1: error: cleargrad twice in a row (first at 4:1): the gradients are already clear
        cleargrad
        ^~~~~~~~~
      """),
    .init(
      "cleargradLast", "x = 1\ny = x*x\nbackward\ncleargrad",
      """
      t.grad:4:1: error: the program ends with cleargrad: add a 'backward' line after it, or remove it
        cleargrad
        ^~~~~~~~~
      """),
    .init(
      "backwardWithAnArgument", "x = 1\ny = x*x\nbackward y",
      """
      t.grad:3:10: error: expected ';' or end of line after 'backward' (it takes no arguments), found name 'y'
        backward y
                 ^
      """),
    .init(
      "computationAfterBackward", "x = 1\ny = x*x\nbackward\nz = y + 1",
      """
      t.grad:4:1: error: 'z = …' comes after 'backward' at 3:1: put every computation before the first backward
        z = y + 1
        ^
      """),
  ]

  @Test(arguments: snapshots) func rendersExactly(snapshot: ErrorSnapshot) {
    #expect(renderedError(snapshot.program, fileName: "t.grad") == snapshot.expected)
  }
}
