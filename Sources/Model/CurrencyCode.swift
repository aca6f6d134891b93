/// ISO 4217 currency codes in current use (list one, as amended to 2025).
///
/// Withdrawn codes such as HRK (replaced by EUR in 2023), SLL (by SLE), ZWL (by ZWG) and
/// ANG (by XCG in 2025) are left out so new entries use the current ones.
public enum CurrencyCode {
    public static func isActive(_ code: String) -> Bool { active.contains(code) }

    public static let active: Set<String> = Set("""
        AED AFN ALL AMD AOA ARS AUD AWG AZN
        BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
        CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK
        DJF DKK DOP DZD
        EGP ERN ETB EUR
        FJD FKP
        GBP GEL GHS GIP GMD GNF GTQ GYD
        HKD HNL HTG HUF
        IDR ILS INR IQD IRR ISK
        JMD JOD JPY
        KES KGS KHR KMF KPW KRW KWD KYD KZT
        LAK LBP LKR LRD LSL LYD
        MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN
        NAD NGN NIO NOK NPR NZD
        OMR
        PAB PEN PGK PHP PKR PLN PYG
        QAR
        RON RSD RUB RWF
        SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL
        THB TJS TMT TND TOP TRY TTD TWD TZS
        UAH UGX USD USN UYI UYU UYW UZS
        VED VES VND VUV
        WST
        XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX
        YER
        ZAR ZMW ZWG
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}
