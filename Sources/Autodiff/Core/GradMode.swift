import Synchronization

/// Whether calling a function records it in the graph, as DeZero's `Config.enable_backprop`.
///
/// Recording is on unless code runs inside `withNoGrad { … }`. The setting is a task-local value:
/// it holds for the closure and everything it calls synchronously on the same thread, and for the
/// child tasks it creates (structured concurrency, `async let`, task groups, and `Task { … }` made
/// inside it); other threads and tasks are not affected, so concurrent code may mix scopes freely.
///
/// Reading a task-local value goes through the runtime, which would cost every op a few
/// nanoseconds. So until the first `withNoGrad` of the process the flag is not read at all: a
/// program that never turns recording off pays one relaxed atomic load per op.
public enum GradMode {
  /// Whether functions called here and now record their inputs and creators (`false` inside
  /// `withNoGrad`).
  public static var isEnabled: Bool {
    !everDisabled.load(ordering: .relaxed) || enabled
  }

  /// The task-local setting; read only once some scope has turned recording off.
  @TaskLocal static var enabled = true

  /// Whether any scope has ever turned recording off (it stays `true` from then on, which keeps
  /// `isEnabled` right for tasks that outlive the scope they inherited the setting from).
  static let everDisabled = Atomic<Bool>(false)

  /// Runs `body` with recording set to `isEnabled`, and returns its value.
  static func with<Result, Failure: Error>(
    _ isEnabled: Bool, _ body: () throws(Failure) -> Result
  ) throws(Failure) -> Result {
    if !isEnabled { everDisabled.store(true, ordering: .relaxed) }
    let outcome: Swift.Result<Result, Failure> = $enabled.withValue(isEnabled) {
      do throws(Failure) { return .success(try body()) } catch { return .failure(error) }
    }
    return try outcome.get()
  }
}

/// Runs `body` without recording the graph, as DeZero's `with no_grad():`, and returns its value.
///
/// Functions called inside compute their outputs as usual, but keep neither inputs nor creator:
/// each output is a leaf (generation 0) and whatever was only needed for backward is freed at once.
/// Scopes nest; a backward pass with `createGraph: true` records its own functions even inside one.
/// The setting is task-local (see `GradMode`).
///
/// ```swift
/// let y = withNoGrad { square(exp(x)) }   // y.creator == nil
/// ```
public func withNoGrad<Result, Failure: Error>(
  _ body: () throws(Failure) -> Result
) throws(Failure) -> Result {
  try GradMode.with(false, body)
}

/// `withNoGrad` for an asynchronous body: child tasks it creates inherit the setting.
public func withNoGrad<Result>(
  isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Result
) async rethrows -> Result {
  GradMode.everDisabled.store(true, ordering: .relaxed)
  return try await GradMode.$enabled.withValue(false, operation: body)
}
