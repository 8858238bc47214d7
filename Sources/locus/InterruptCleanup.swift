#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Locus

/// The process signals of `locus`: SIGINT, SIGTERM and SIGHUP remove every output's temporary file
/// (`AtomicOutputFile.removeAllPending()`), then end the process with the signal, so an interrupted run leaves
/// no half-written output; SIGPIPE is ignored, so that a write to a closed pipe (`locus geocode … | head`)
/// fails with `OutputError.brokenPipe` and the run ends quietly with status 0.
enum InterruptCleanup {
    /// Handles the three signals (except one the parent set to be ignored, as `nohup` does), and unblocks them
    /// on this thread (a parent may have left them blocked), so threads started later inherit it. Called once,
    /// before any command runs.
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            sigaction(sig, nil, &current)
            let handler = current.__sigaction_handler.sa_handler
            if unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                AtomicOutputFile.removeAllPending()
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
            sigaddset(&unblock, sig)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
