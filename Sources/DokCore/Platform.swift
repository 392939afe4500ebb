#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The operating-system calls dok needs, behind one small surface: the C library is imported
/// here (`Platform.swift`, `Platform+Signals.swift`, `Platform+Socket.swift`) and in ``FileIO``
/// (files), nowhere else in dok's own code or tests (`scripts/check-architecture` enforces it).
public enum Platform {
  /// True when `path` names a directory (following symlinks).
  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// True when `fd` is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The height in rows of the terminal on `fd`, or nil when it is not a terminal (or says 0).
  public static func terminalRows(_ fd: Int32) -> Int? {
    guard isatty(fd) == 1 else { return nil }
    var ws = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 else { return nil }
    return Int(ws.ws_row)
  }

  /// A terminal's settings (termios), saved to be put back with ``restoreTerminalSettings(_:on:)``.
  public struct TerminalSettings: @unchecked Sendable {
    fileprivate var raw: termios
  }

  /// The current settings of the terminal on `fd`, or nil when it is not a terminal.
  public static func terminalSettings(_ fd: Int32) -> TerminalSettings? {
    var t = termios()
    return tcgetattr(fd, &t) == 0 ? TerminalSettings(raw: t) : nil
  }

  /// Puts saved settings back on the terminal on `fd`, at once (`TCSANOW`).
  public static func restoreTerminalSettings(_ settings: TerminalSettings, on fd: Int32) {
    var t = settings.raw
    tcsetattr(fd, TCSANOW, &t)
  }

  /// Takes the character type (UTF-8 or not) from the environment's locale (`LC_CTYPE`), so a
  /// C library such as libedit decodes multi-byte input.
  public static func useEnvironmentCharacterLocale() { setlocale(LC_CTYPE, "") }

  /// Runs `command` with `/bin/sh -c` (`popen`), writes `text` to its standard input and waits
  /// for it: its exit status (127 when the shell could not run it), or nil when it could not be
  /// started or waited for. SIGPIPE is ignored from then on, so a command that quits before
  /// reading everything (a pager) makes the write fail instead of ending dok.
  public static func runShellCommand(_ command: String, input text: String) -> Int32? {
    signal(SIGPIPE, SIG_IGN)
    guard let f = popen(command, "w") else { return nil }
    var t = text
    t.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, f) }
    let status = pclose(f)
    guard status != -1 else { return nil }
    return (status >> 8) & 0xFF
  }

  /// This process's id.
  public static var processID: Int32 { getpid() }

  /// False only when no process `pid` exists (`kill(pid, 0)` fails with ESRCH); a process that
  /// exists but belongs to someone else counts as running.
  public static func processMayBeRunning(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno != ESRCH }

  /// True when standard input and standard output are both terminals (an interactive session).
  public static var isInteractive: Bool { isTerminal(0) && isTerminal(1) }

  /// True when the environment variable is set, even to the empty string (`NO_COLOR=`).
  public static func environmentIsSet(_ name: String) -> Bool { getenv(name) != nil }

  /// Reads one line from a terminal on standard input with echo turned off (a password
  /// prompt); without its newline. Nil at end of input.
  public static func readLineWithoutEcho() -> String? {
    var saved = termios()
    let haveTermios = tcgetattr(0, &saved) == 0
    if haveTermios {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(0, TCSAFLUSH, &quiet)
    }
    defer { if haveTermios { tcsetattr(0, TCSAFLUSH, &saved) } }
    return readLine(strippingNewline: true)
  }

  /// `read(2)` on `fd`: -1 with ``lastErrorWasInterrupt`` when a signal interrupted it.
  public static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer?, count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
      Musl.read(fd, buffer, count)
    #else
      Darwin.read(fd, buffer, count)
    #endif
  }

  /// `write(2)` on `fd`: the number of bytes written, or -1.
  public static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
      Musl.write(fd, buffer, count)
    #else
      Darwin.write(fd, buffer, count)
    #endif
  }

  /// SIGINT (Ctrl-C).
  public static let interruptSignal = SIGINT
  /// SIGTERM.
  public static let terminateSignal = SIGTERM

  /// Catches `signals` without SA_RESTART (a blocked read returns EINTR) and writes each one's
  /// number, as a byte, to a pipe; returns the pipe's read end (nil if no pipe could be made).
  /// Once per process: the pipe is process-wide.
  public static func forwardSignalsToPipe(_ signals: [Int32]) -> Int32? {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return nil }
    signalPipeWrite = fds[1]
    for sig in signals {
      var action = sigaction()
      #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = forwardSignal
      #else
        action.__sigaction_handler.sa_handler = forwardSignal
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0  // no SA_RESTART
      sigaction(sig, &action, nil)
    }
    return fds[0]
  }

  /// True when the last system call failed with EINTR (a signal interrupted it).
  public static var lastErrorWasInterrupt: Bool { errno == EINTR }

  /// Clears `errno`, so ``lastErrorWasInterrupt`` speaks of calls made after this one only (a
  /// call that succeeds, or ends at end of file, leaves an earlier EINTR in place).
  public static func clearLastError() { errno = 0 }

  /// The current time in UTC as `2026-01-31 14:05 UTC`.
  public static func utcTimestamp() -> String {
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    var buf = [CChar](repeating: 0, count: 64)
    strftime(&buf, 64, "%Y-%m-%d %H:%M UTC", &parts)
    return String(cString: buf)
  }

  /// Starts a detached POSIX thread running `body`, for loops that block (terminal reads,
  /// the signal pipe) and so must not sit in Swift's task pool. With `acceptsSignals` (the
  /// default) the thread unblocks SIGINT and SIGTERM even when the starting thread blocks them,
  /// so a terminal read there is interrupted by Ctrl-C (EINTR); without, it blocks them, so
  /// they are delivered to a thread that waits for them.
  public static func startThread(acceptsSignals: Bool = true, _ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Box((acceptsSignals, body))).toOpaque()
    #if canImport(Darwin)
      var tid: pthread_t?
    #else
      var tid = pthread_t()
    #endif
    let started = pthread_create(
      &tid, nil,
      { arg in
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        let b = Unmanaged<Box<(Bool, @Sendable () -> Void)>>.fromOpaque(arg!).takeRetainedValue()
        pthread_sigmask(b.value.0 ? SIG_UNBLOCK : SIG_BLOCK, &set, nil)
        b.value.1()
        return nil
      }, box)
    guard started == 0 else {
      Unmanaged<Box<(Bool, @Sendable () -> Void)>>.fromOpaque(box).release()
      fatalError("cannot start a thread (pthread_create: \(started))")
    }
    #if canImport(Darwin)
      if let tid { pthread_detach(tid) }
    #else
      pthread_detach(tid)
    #endif
  }
}

/// Kept for callers written before ``Platform/startThread(_:)``: the same thread starter.
public enum DetachedThread {
  /// Runs `body` on a new detached thread (see ``Platform/startThread(_:)``).
  public static func start(_ body: @escaping @Sendable () -> Void) { Platform.startThread(body) }
}

/// The write end of the signal pipe, for the signal handler (which may touch nothing else).
nonisolated(unsafe) private var signalPipeWrite: Int32 = -1

/// The signal handler: one byte, the signal's number, to the pipe (async-signal-safe).
private func forwardSignal(_ sig: Int32) {
  var b = UInt8(truncatingIfNeeded: sig)
  #if canImport(Glibc)
    _ = Glibc.write(signalPipeWrite, &b, 1)
  #elseif canImport(Musl)
    _ = Musl.write(signalPipeWrite, &b, 1)
  #else
    _ = Darwin.write(signalPipeWrite, &b, 1)
  #endif
}
