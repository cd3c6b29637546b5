import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// What a person reads in an event besides time and title: whom to ask (project.contact), where exactly
/// (venue address), and who is invited to a network meeting.
@Suite struct ICalendarContactTests {
    @Test func contactAndStreetAddressReachTheEvents() throws {
        var scenario = SamplePlan.scenario
        scenario.project.contact = Contact(name: "Eva \"Q\" Lind; projektledare", email: "eva.lind@region.invalid", phone: "036-10 50 00")
        let i = try #require(scenario.venues.firstIndex { $0.id == "werket" })
        scenario.venues[i].address = "Kompanigatan 2, plan 3"
        let files = ICalTestSupport.files(scenario: scenario)
        let all = ICalTestSupport.events(try #require(files["calendars/all.ics"]))
        let mi = try #require(all[ICalTestSupport.uid("MI-sodra-vatterbygden-1")])
        #expect(mi.contains(#"ORGANIZER;CN="Eva Q Lind; projektledare":mailto:eva.lind@region.invalid"# + "\r\n"), "\(mi)")
        #expect(mi.contains(#"CONTACT:Eva "Q" Lind\; projektledare\, eva.lind@region.invalid\, 036-10 50 00"# + "\r\n"), "\(mi)")
        #expect(mi.contains(#"LOCATION:Werket\, Kompanigatan 2\, plan 3\, Jönköping"# + "\r\n"), "\(mi)")
        // A network meeting says whose staff are invited and who comes from the project.
        let network = try #require(all[ICalTestSupport.uid("natverk-se-ips-2024-09")])
        #expect(network.contains(#"Inbjudna: personal från Jönköping\, Värnamo\nFrån projektet: Anna Åberg"#), "\(network)")
        let english = ICalTestSupport.events(try #require(ICalTestSupport.files(scenario: scenario, lang: .en)["calendars/all.ics"]))
        #expect(try #require(english[ICalTestSupport.uid("natverk-se-ips-2024-09")]).contains("Invited: staff from Jönköping\\, Värnamo"))
        // Without an e-mail address there is no ORGANIZER, only CONTACT.
        scenario.project.contact = Contact(name: "Eva Lind", phone: "036-10 50 00")
        let noMail = ICalTestSupport.events(try #require(ICalTestSupport.files(scenario: scenario)["calendars/all.ics"]))
        let event = try #require(noMail[ICalTestSupport.uid("HP-1")])
        #expect(!event.contains("ORGANIZER") && event.contains("CONTACT:Eva Lind\\, 036-10 50 00\r\n"))
        #expect(CalendarUpdateCheck.conflicts(files).isEmpty)
    }

    @Test func theScenarioFieldsAreReadAndChecked() throws {
        let text = ScenarioFixtures.replacing("  uidDomain: test.tidsplan.invalid\n", with: """
              uidDomain: test.tidsplan.invalid
              contact: {name: "Eva Lind", email: eva.lind@region.invalid, phone: "036-10 50 00"}

            """)
        let withAddress = text.replacingOccurrences(of: "capacity: 40, mode: physical, costPerDay: 3000}",
                                                    with: "capacity: 40, mode: physical, costPerDay: 3000, address: \"Kompanigatan 2\"}")
        let loaded = ScenarioFixtures.load(withAddress)
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.rendered))")
        #expect(scenario.project.contact == Contact(name: "Eva Lind", email: "eva.lind@region.invalid", phone: "036-10 50 00"))
        #expect(scenario.venue("werket")?.address == "Kompanigatan 2")
        let bad = ScenarioFixtures.load(withAddress.replacingOccurrences(of: "email: eva.lind@region.invalid", with: "email: eva lind"))
        let line = ScenarioFixtures.line(of: "contact: {", in: withAddress)
        let message = bad.diagnostics.first { $0.message.contains("e-mail") }
        #expect(bad.scenario == nil && message?.line == line, "\(bad.diagnostics.map(\.rendered))")
        #expect(message?.rendered.hasPrefix("t.yaml:\(line):") == true)
    }
}
