import Visualizer

/// One value in a result line: the JSON types the peers' lines use.
enum JSONValue {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)

  /// The value as Python's `json.dumps` writes it (`null` for a non-finite number).
  var json: String {
    switch self {
    case .string(let text): return StateJSON.string(text)
    case .int(let value): return String(value)
    case .double(let value): return value.isFinite ? value.description : "null"
    case .bool(let value): return value ? "true" : "false"
    }
  }

  /// The value for the readable table.
  var text: String {
    switch self {
    case .string(let text): return text
    default: return json
    }
  }
}

/// A result line with its keys in insertion order, printed as the peers print theirs:
/// `{"workload": "W1", "fw": "gradstep", …}`.
struct JSONLine {
  private(set) var fields: [(key: String, value: JSONValue)] = []

  /// Sets `key`, keeping its first position when it is already there.
  subscript(key: String) -> JSONValue? {
    get { fields.first { $0.key == key }?.value }
    set {
      let position = fields.firstIndex { $0.key == key }
      switch (position, newValue) {
      case (let position?, let value?): fields[position].value = value
      case (let position?, nil): fields.remove(at: position)
      case (nil, let value?): fields.append((key, value))
      case (nil, nil): break
      }
    }
  }

  /// The line as one JSON object.
  var json: String {
    "{" + fields.map { "\(StateJSON.string($0.key)): \($0.value.json)" }.joined(separator: ", ") + "}"
  }
}

/// `value` rounded to `places` decimals, as the peers round with Python's `round`.
func rounded(_ value: Double, places: Int) -> Double {
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  return (value * scale).rounded() / scale
}
