import Testing
import TidsplanCore
@testable import Tidsplan

/// A refused output folder reads in the run's language, the system's words included ("misslyckades med att
/// move the previous output aside" mixed two languages, issue 20).
@Suite struct AtomicOutputWordsTests {
    @Test(arguments: [
        (AtomicOutputError.notWritable("/srv/ut", message: "Permission denied"), "kan inte skriva utdata i /srv/ut (åtkomst nekad)"),
        (AtomicOutputError.notWritable("/srv/ut", message: "immutable: chattr +i"), "(oföränderlig: chattr +i)"),
        (AtomicOutputError.io(path: "/srv/ut", operation: "move the previous output aside", message: "Read-only file system"),
         "/srv/ut: kunde inte flytta undan den förra utdatan: skrivskyddat filsystem"),
        (AtomicOutputError.notAnOutputFolder("/home/a", reason: "it holds files that are not a previous output (x.txt)"),
         "ersätter inte /home/a: den innehåller filer som inte är en tidigare utdata (x.txt)"),
    ])
    func refusalsAreSwedish(_ error: AtomicOutputError, _ says: String) {
        #expect(error.text(.sv).contains(says), "\(error.text(.sv))")
        #expect(!error.text(.sv).contains("denied") && !error.text(.sv).contains("previous output"), "\(error.text(.sv))")
        #expect(error.text(.en) == error.description)
    }
}
