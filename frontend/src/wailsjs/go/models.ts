export namespace app {
	
	export class Component {
	    name: string;
	    version: string;
	    licence: string;
	    copyright: string;
	    url: string;
	    part: string;
	
	    static createFrom(source: any = {}) {
	        return new Component(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.version = source["version"];
	        this.licence = source["licence"];
	        this.copyright = source["copyright"];
	        this.url = source["url"];
	        this.part = source["part"];
	    }
	}
	export class FontLicence {
	    name: string;
	    licence: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new FontLicence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.licence = source["licence"];
	        this.text = source["text"];
	    }
	}
	export class Locations {
	    dataDir: string;
	    configFile: string;
	    demoLedger: string;
	    ledgersDir: string;
	    backupsDir: string;
	    ledgersDirChosen: boolean;
	    backupsDirChosen: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Locations(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dataDir = source["dataDir"];
	        this.configFile = source["configFile"];
	        this.demoLedger = source["demoLedger"];
	        this.ledgersDir = source["ledgersDir"];
	        this.backupsDir = source["backupsDir"];
	        this.ledgersDirChosen = source["ledgersDirChosen"];
	        this.backupsDirChosen = source["backupsDirChosen"];
	    }
	}
	export class AboutInfo {
	    name: string;
	    nameEn: string;
	    version: string;
	    buildDate: string;
	    goVersion: string;
	    platform: string;
	    ledgerPath: string;
	    locations: Locations;
	    font: FontLicence;
	    components: Component[];
	    noticesPath: string;
	
	    static createFrom(source: any = {}) {
	        return new AboutInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.version = source["version"];
	        this.buildDate = source["buildDate"];
	        this.goVersion = source["goVersion"];
	        this.platform = source["platform"];
	        this.ledgerPath = source["ledgerPath"];
	        this.locations = this.convertValues(source["locations"], Locations);
	        this.font = this.convertValues(source["font"], FontLicence);
	        this.components = this.convertValues(source["components"], Component);
	        this.noticesPath = source["noticesPath"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Alert {
	    severity: string;
	    key: string;
	    args: Record<string, string>;
	    action: string;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new Alert(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.severity = source["severity"];
	        this.key = source["key"];
	        this.args = source["args"];
	        this.action = source["action"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	export class ApportionRow {
	    unitId: number;
	    unit: string;
	    owner: string;
	    area: string;
	    share: string;
	
	    static createFrom(source: any = {}) {
	        return new ApportionRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.owner = source["owner"];
	        this.area = source["area"];
	        this.share = source["share"];
	    }
	}
	export class ApportionPage {
	    amount: string;
	    total: string;
	    units: number;
	    totalArea: string;
	    offset: number;
	    rows: ApportionRow[];
	
	    static createFrom(source: any = {}) {
	        return new ApportionPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.amount = source["amount"];
	        this.total = source["total"];
	        this.units = source["units"];
	        this.totalArea = source["totalArea"];
	        this.offset = source["offset"];
	        this.rows = this.convertValues(source["rows"], ApportionRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class AuditCell {
	    book: string;
	    state: string;
	    reportOn: string;
	    opinion: string;
	    due: string;
	    auditId: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditCell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.state = source["state"];
	        this.reportOn = source["reportOn"];
	        this.opinion = source["opinion"];
	        this.due = source["due"];
	        this.auditId = source["auditId"];
	    }
	}
	export class AuditForm {
	    year: string;
	    books: string[];
	    firm: string;
	    engagedOn: string;
	    reportOn: string;
	    opinion: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.books = source["books"];
	        this.firm = source["firm"];
	        this.engagedOn = source["engagedOn"];
	        this.reportOn = source["reportOn"];
	        this.opinion = source["opinion"];
	        this.note = source["note"];
	    }
	}
	export class FindingView {
	    id: number;
	    text: string;
	    status: string;
	    rectifiedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new FindingView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.status = source["status"];
	        this.rectifiedOn = source["rectifiedOn"];
	    }
	}
	export class AuditView {
	    id: number;
	    year: number;
	    books: string[];
	    firm: string;
	    engagedOn: string;
	    reportOn: string;
	    opinion: string;
	    note: string;
	    findings: FindingView[];
	    openFindings: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.year = source["year"];
	        this.books = source["books"];
	        this.firm = source["firm"];
	        this.engagedOn = source["engagedOn"];
	        this.reportOn = source["reportOn"];
	        this.opinion = source["opinion"];
	        this.note = source["note"];
	        this.findings = this.convertValues(source["findings"], FindingView);
	        this.openFindings = source["openFindings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AuditYear {
	    year: number;
	    cells: AuditCell[];
	
	    static createFrom(source: any = {}) {
	        return new AuditYear(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.cells = this.convertValues(source["cells"], AuditCell);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AuditsOverview {
	    today: string;
	    start: string;
	    opinions: string[];
	    grid: AuditYear[];
	    audits: AuditView[];
	    missing: number;
	    overdue: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditsOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.start = source["start"];
	        this.opinions = source["opinions"];
	        this.grid = this.convertValues(source["grid"], AuditYear);
	        this.audits = this.convertValues(source["audits"], AuditView);
	        this.missing = source["missing"];
	        this.overdue = source["overdue"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BackupDTO {
	    path: string;
	    name: string;
	    time: string;
	    size: number;
	    seq: number;
	    hash: string;
	    kind: string;
	    current: boolean;
	    community: string;
	
	    static createFrom(source: any = {}) {
	        return new BackupDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.time = source["time"];
	        this.size = source["size"];
	        this.seq = source["seq"];
	        this.hash = source["hash"];
	        this.kind = source["kind"];
	        this.current = source["current"];
	        this.community = source["community"];
	    }
	}
	export class BackupList {
	    ledger: string;
	    dir: string;
	    readOnly: boolean;
	    headSeq: number;
	    headHash: string;
	    keepLast: number;
	    backups: BackupDTO[];
	
	    static createFrom(source: any = {}) {
	        return new BackupList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ledger = source["ledger"];
	        this.dir = source["dir"];
	        this.readOnly = source["readOnly"];
	        this.headSeq = source["headSeq"];
	        this.headHash = source["headHash"];
	        this.keepLast = source["keepLast"];
	        this.backups = this.convertValues(source["backups"], BackupDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BankBookDTO {
	    book: string;
	    lines: number;
	    first: string;
	    last: string;
	
	    static createFrom(source: any = {}) {
	        return new BankBookDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.lines = source["lines"];
	        this.first = source["first"];
	        this.last = source["last"];
	    }
	}
	export class BankLineDTO {
	    id: number;
	    date: string;
	    amount: string;
	    balance: string;
	    counterparty: string;
	    reference: string;
	    summary: string;
	    matched: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BankLineDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.balance = source["balance"];
	        this.counterparty = source["counterparty"];
	        this.reference = source["reference"];
	        this.summary = source["summary"];
	        this.matched = source["matched"];
	    }
	}
	export class BankLinePage {
	    rows: BankLineDTO[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new BankLinePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], BankLineDTO);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReconcileInput {
	    book: string;
	    asOf: string;
	    from: string;
	    bankBalance: string;
	    matchDays: number;
	
	    static createFrom(source: any = {}) {
	        return new ReconcileInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.asOf = source["asOf"];
	        this.from = source["from"];
	        this.bankBalance = source["bankBalance"];
	        this.matchDays = source["matchDays"];
	    }
	}
	export class BankLinesQuery {
	    reconcile: ReconcileInput;
	    filter: string;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new BankLinesQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reconcile = this.convertValues(source["reconcile"], ReconcileInput);
	        this.filter = source["filter"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BankOverview {
	    today: string;
	    books: BankBookDTO[];
	
	    static createFrom(source: any = {}) {
	        return new BankOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.books = this.convertValues(source["books"], BankBookDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BookBalance {
	    book: string;
	    balance: string;
	
	    static createFrom(source: any = {}) {
	        return new BookBalance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.balance = source["balance"];
	    }
	}
	export class PeriodRefusal {
	    key: string;
	    args: Record<string, string>;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new PeriodRefusal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.args = source["args"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	export class PeriodCheck {
	    book: string;
	    period: string;
	    kind: string;
	    from: string;
	    to: string;
	    closed: boolean;
	    closedOn: string;
	    canClose: boolean;
	    refusal?: PeriodRefusal;
	    short: string;
	
	    static createFrom(source: any = {}) {
	        return new PeriodCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.period = source["period"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.closed = source["closed"];
	        this.closedOn = source["closedOn"];
	        this.canClose = source["canClose"];
	        this.refusal = this.convertValues(source["refusal"], PeriodRefusal);
	        this.short = source["short"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BookPeriods {
	    book: string;
	    periods: PeriodCheck[];
	
	    static createFrom(source: any = {}) {
	        return new BookPeriods(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.periods = this.convertValues(source["periods"], PeriodCheck);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BookTransferRequest {
	    from: string;
	    to: string;
	    date: string;
	    amount: string;
	    summary: string;
	    token: string;
	    resolutionId: number;
	    buildingId: number;
	
	    static createFrom(source: any = {}) {
	        return new BookTransferRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.summary = source["summary"];
	        this.token = source["token"];
	        this.resolutionId = source["resolutionId"];
	        this.buildingId = source["buildingId"];
	    }
	}
	export class VoucherLink {
	    id: number;
	    no: string;
	    book: string;
	    date: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherLink(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.book = source["book"];
	        this.date = source["date"];
	    }
	}
	export class VoucherAttachment {
	    id: number;
	    name: string;
	    mime: string;
	    size: number;
	    sha256: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherAttachment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.mime = source["mime"];
	        this.size = source["size"];
	        this.sha256 = source["sha256"];
	    }
	}
	export class VoucherLine {
	    line: number;
	    accountCode: string;
	    accountName: string;
	    accountNameEn: string;
	    debit: string;
	    credit: string;
	    memo: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.accountCode = source["accountCode"];
	        this.accountName = source["accountName"];
	        this.accountNameEn = source["accountNameEn"];
	        this.debit = source["debit"];
	        this.credit = source["credit"];
	        this.memo = source["memo"];
	    }
	}
	export class VoucherDetail {
	    id: number;
	    book: string;
	    no: string;
	    date: string;
	    summary: string;
	    kind: string;
	    debit: string;
	    credit: string;
	    lines: VoucherLine[];
	    attachments: VoucherAttachment[];
	    unitEntries: number;
	    chainSeq: number;
	    chainHash: string;
	    createdBy: string;
	    postedAt: string;
	    reverses?: VoucherLink;
	    reversedBy?: VoucherLink;
	    transferPartners: VoucherLink[];
	    projectId: number;
	    projectName: string;
	    caseId: number;
	    emergencyTrigger: string;
	    resolutionId: number;
	    r2Net: string;
	    r2Share: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.book = source["book"];
	        this.no = source["no"];
	        this.date = source["date"];
	        this.summary = source["summary"];
	        this.kind = source["kind"];
	        this.debit = source["debit"];
	        this.credit = source["credit"];
	        this.lines = this.convertValues(source["lines"], VoucherLine);
	        this.attachments = this.convertValues(source["attachments"], VoucherAttachment);
	        this.unitEntries = source["unitEntries"];
	        this.chainSeq = source["chainSeq"];
	        this.chainHash = source["chainHash"];
	        this.createdBy = source["createdBy"];
	        this.postedAt = source["postedAt"];
	        this.reverses = this.convertValues(source["reverses"], VoucherLink);
	        this.reversedBy = this.convertValues(source["reversedBy"], VoucherLink);
	        this.transferPartners = this.convertValues(source["transferPartners"], VoucherLink);
	        this.projectId = source["projectId"];
	        this.projectName = source["projectName"];
	        this.caseId = source["caseId"];
	        this.emergencyTrigger = source["emergencyTrigger"];
	        this.resolutionId = source["resolutionId"];
	        this.r2Net = source["r2Net"];
	        this.r2Share = source["r2Share"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BookTransferResult {
	    amount: string;
	    date: string;
	    out: VoucherDetail;
	    in: VoucherDetail;
	
	    static createFrom(source: any = {}) {
	        return new BookTransferResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.amount = source["amount"];
	        this.date = source["date"];
	        this.out = this.convertValues(source["out"], VoucherDetail);
	        this.in = this.convertValues(source["in"], VoucherDetail);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BudgetEntry {
	    code: string;
	    amount: string;
	
	    static createFrom(source: any = {}) {
	        return new BudgetEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.amount = source["amount"];
	    }
	}
	export class BudgetLineView {
	    code: string;
	    name: string;
	    nameEn: string;
	    budget: string;
	    actual: string;
	    remaining: string;
	    usedPct: string;
	    over: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BudgetLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.budget = source["budget"];
	        this.actual = source["actual"];
	        this.remaining = source["remaining"];
	        this.usedPct = source["usedPct"];
	        this.over = source["over"];
	    }
	}
	export class BudgetView {
	    year: number;
	    years: number[];
	    today: string;
	    lines: BudgetLineView[];
	    total: BudgetLineView;
	    balance: string;
	
	    static createFrom(source: any = {}) {
	        return new BudgetView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.years = source["years"];
	        this.today = source["today"];
	        this.lines = this.convertValues(source["lines"], BudgetLineView);
	        this.total = this.convertValues(source["total"], BudgetLineView);
	        this.balance = source["balance"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BuildingDTO {
	    id: number;
	    code: string;
	    name: string;
	    hasLift: boolean;
	    units: number;
	
	    static createFrom(source: any = {}) {
	        return new BuildingDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.hasLift = source["hasLift"];
	        this.units = source["units"];
	    }
	}
	export class BuildingInput {
	    code: string;
	    name: string;
	    hasLift: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BuildingInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.hasLift = source["hasLift"];
	    }
	}
	export class CaseDueRow {
	    unitId: number;
	    unit: string;
	    owner: string;
	    area: string;
	    due: string;
	    paid: string;
	    outstanding: string;
	    settled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CaseDueRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.owner = source["owner"];
	        this.area = source["area"];
	        this.due = source["due"];
	        this.paid = source["paid"];
	        this.outstanding = source["outstanding"];
	        this.settled = source["settled"];
	    }
	}
	export class CaseDuesPage {
	    total: number;
	    rows: CaseDueRow[];
	
	    static createFrom(source: any = {}) {
	        return new CaseDuesPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.rows = this.convertValues(source["rows"], CaseDueRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ChainHeadDTO {
	    seq: number;
	    hash: string;
	
	    static createFrom(source: any = {}) {
	        return new ChainHeadDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.hash = source["hash"];
	    }
	}
	export class ChainRecordDTO {
	    seq: number;
	    kind: string;
	    date: string;
	    what: string;
	    entity: string;
	    action: string;
	
	    static createFrom(source: any = {}) {
	        return new ChainRecordDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.what = source["what"];
	        this.entity = source["entity"];
	        this.action = source["action"];
	    }
	}
	export class FieldChange {
	    field: string;
	    kind: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.kind = source["kind"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class ChangeDTO {
	    id: number;
	    at: string;
	    actor: string;
	    entity: string;
	    entityId: number;
	    label: string;
	    action: string;
	    chainSeq: number;
	    fields: FieldChange[];
	    committee: string;
	
	    static createFrom(source: any = {}) {
	        return new ChangeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.actor = source["actor"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.label = source["label"];
	        this.action = source["action"];
	        this.chainSeq = source["chainSeq"];
	        this.fields = this.convertValues(source["fields"], FieldChange);
	        this.committee = source["committee"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ChangePage {
	    rows: ChangeDTO[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ChangePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], ChangeDTO);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ChangeQuery {
	    entity: string;
	    entityId: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ChangeQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class ClosedPeriodInfo {
	    book: string;
	    period: string;
	    kind: string;
	    from: string;
	    to: string;
	    closedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new ClosedPeriodInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.period = source["period"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.closedOn = source["closedOn"];
	    }
	}
	export class CommunityInput {
	    name: string;
	    address: string;
	    district: string;
	    assemblyCode: string;
	    fundBank: string;
	    fundAccount: string;
	    termStart: string;
	    termEnd: string;
	    startDate: string;
	    assemblyOpened: string;
	
	    static createFrom(source: any = {}) {
	        return new CommunityInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.address = source["address"];
	        this.district = source["district"];
	        this.assemblyCode = source["assemblyCode"];
	        this.fundBank = source["fundBank"];
	        this.fundAccount = source["fundAccount"];
	        this.termStart = source["termStart"];
	        this.termEnd = source["termEnd"];
	        this.startDate = source["startDate"];
	        this.assemblyOpened = source["assemblyOpened"];
	    }
	}
	export class PolicyInput {
	    replenishThreshold: string;
	    replenishTarget: string;
	    decisionDays: string;
	    paymentDays: string;
	    triggerLevel: string;
	    transferThreshold: string;
	    transferShare: string;
	    transferStrict: boolean;
	    transferMode: string;
	    transferGraceDays: string;
	    statutory: boolean;
	    fundDisclosureMonths: string;
	    publicDisclosureMonths: string;
	    workingDisclosureMonths: string;
	    disclosureGraceDays: string;
	    includeNonResidential: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PolicyInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.replenishThreshold = source["replenishThreshold"];
	        this.replenishTarget = source["replenishTarget"];
	        this.decisionDays = source["decisionDays"];
	        this.paymentDays = source["paymentDays"];
	        this.triggerLevel = source["triggerLevel"];
	        this.transferThreshold = source["transferThreshold"];
	        this.transferShare = source["transferShare"];
	        this.transferStrict = source["transferStrict"];
	        this.transferMode = source["transferMode"];
	        this.transferGraceDays = source["transferGraceDays"];
	        this.statutory = source["statutory"];
	        this.fundDisclosureMonths = source["fundDisclosureMonths"];
	        this.publicDisclosureMonths = source["publicDisclosureMonths"];
	        this.workingDisclosureMonths = source["workingDisclosureMonths"];
	        this.disclosureGraceDays = source["disclosureGraceDays"];
	        this.includeNonResidential = source["includeNonResidential"];
	    }
	}
	export class CommunitySettings {
	    community: CommunityInput;
	    policy: PolicyInput;
	    startDateFixed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CommunitySettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.community = this.convertValues(source["community"], CommunityInput);
	        this.policy = this.convertValues(source["policy"], PolicyInput);
	        this.startDateFixed = source["startDateFixed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ContractForm {
	    counterparty: string;
	    commonPart: string;
	    buildingId: number;
	    start: string;
	    end: string;
	    period: string;
	    amount: string;
	    collector: string;
	    accountCode: string;
	    resolutionId: number;
	    note: string;
	    attachmentId: number;
	    managementShare: string;
	
	    static createFrom(source: any = {}) {
	        return new ContractForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counterparty = source["counterparty"];
	        this.commonPart = source["commonPart"];
	        this.buildingId = source["buildingId"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.period = source["period"];
	        this.amount = source["amount"];
	        this.collector = source["collector"];
	        this.accountCode = source["accountCode"];
	        this.resolutionId = source["resolutionId"];
	        this.note = source["note"];
	        this.attachmentId = source["attachmentId"];
	        this.managementShare = source["managementShare"];
	    }
	}
	export class ContractOption {
	    id: number;
	    code: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new ContractOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	    }
	}
	export class ContractOptions {
	    today: string;
	    buildings: ContractOption[];
	    accounts: ContractOption[];
	
	    static createFrom(source: any = {}) {
	        return new ContractOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.buildings = this.convertValues(source["buildings"], ContractOption);
	        this.accounts = this.convertValues(source["accounts"], ContractOption);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContractQuarterView {
	    quarter: string;
	    expected: string;
	    received: string;
	    missing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ContractQuarterView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quarter = source["quarter"];
	        this.expected = source["expected"];
	        this.received = source["received"];
	        this.missing = source["missing"];
	    }
	}
	export class ContractView {
	    id: number;
	    counterparty: string;
	    commonPart: string;
	    buildingId: number;
	    building: string;
	    start: string;
	    end: string;
	    period: string;
	    amount: string;
	    collector: string;
	    accountCode: string;
	    accountName: string;
	    resolutionId: number;
	    resolutionSubject: string;
	    resolutionDate: string;
	    note: string;
	    managementShare: string;
	    expected: string;
	    received: string;
	    expiring: boolean;
	    ended: boolean;
	    missing: string[];
	    quarters: ContractQuarterView[];
	
	    static createFrom(source: any = {}) {
	        return new ContractView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.counterparty = source["counterparty"];
	        this.commonPart = source["commonPart"];
	        this.buildingId = source["buildingId"];
	        this.building = source["building"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.period = source["period"];
	        this.amount = source["amount"];
	        this.collector = source["collector"];
	        this.accountCode = source["accountCode"];
	        this.accountName = source["accountName"];
	        this.resolutionId = source["resolutionId"];
	        this.resolutionSubject = source["resolutionSubject"];
	        this.resolutionDate = source["resolutionDate"];
	        this.note = source["note"];
	        this.managementShare = source["managementShare"];
	        this.expected = source["expected"];
	        this.received = source["received"];
	        this.expiring = source["expiring"];
	        this.ended = source["ended"];
	        this.missing = source["missing"];
	        this.quarters = this.convertValues(source["quarters"], ContractQuarterView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContractsHeld {
	    statements: number;
	    gross: string;
	    deductions: string;
	    net: string;
	    transferred: string;
	    held: string;
	
	    static createFrom(source: any = {}) {
	        return new ContractsHeld(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statements = source["statements"];
	        this.gross = source["gross"];
	        this.deductions = source["deductions"];
	        this.net = source["net"];
	        this.transferred = source["transferred"];
	        this.held = source["held"];
	    }
	}
	export class Dashboard {
	    communityName: string;
	    today: string;
	    books: BookBalance[];
	    fundRatio: string;
	    threshold: string;
	    initialTotal: string;
	    fundBalance: string;
	    alerts: Alert[];
	    chainSeq: number;
	    chainHead: string;
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communityName = source["communityName"];
	        this.today = source["today"];
	        this.books = this.convertValues(source["books"], BookBalance);
	        this.fundRatio = source["fundRatio"];
	        this.threshold = source["threshold"];
	        this.initialTotal = source["initialTotal"];
	        this.fundBalance = source["fundBalance"];
	        this.alerts = this.convertValues(source["alerts"], Alert);
	        this.chainSeq = source["chainSeq"];
	        this.chainHead = source["chainHead"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DemandRow {
	    id: number;
	    unitId: number;
	    unit: string;
	    owner: string;
	    date: string;
	    note: string;
	    outstanding: string;
	
	    static createFrom(source: any = {}) {
	        return new DemandRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.unitId = source["unitId"];
	        this.unit = source["unit"];
	        this.owner = source["owner"];
	        this.date = source["date"];
	        this.note = source["note"];
	        this.outstanding = source["outstanding"];
	    }
	}
	export class DisclosureDue {
	    book: string;
	    from: string;
	    to: string;
	    due: string;
	    overdue: boolean;
	    daysLeft: number;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureDue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.due = source["due"];
	        this.overdue = source["overdue"];
	        this.daysLeft = source["daysLeft"];
	    }
	}
	export class DisclosureForm {
	    book: string;
	    from: string;
	    to: string;
	    publishedOn: string;
	    place: string;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.publishedOn = source["publishedOn"];
	        this.place = source["place"];
	    }
	}
	export class DisclosureSchedule {
	    book: string;
	    months: number;
	    graceDays: number;
	    lastFrom: string;
	    lastTo: string;
	    lastPublishedOn: string;
	    nextFrom: string;
	    nextTo: string;
	    nextDue: string;
	    dueCount: number;
	    overdueCount: number;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureSchedule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.months = source["months"];
	        this.graceDays = source["graceDays"];
	        this.lastFrom = source["lastFrom"];
	        this.lastTo = source["lastTo"];
	        this.lastPublishedOn = source["lastPublishedOn"];
	        this.nextFrom = source["nextFrom"];
	        this.nextTo = source["nextTo"];
	        this.nextDue = source["nextDue"];
	        this.dueCount = source["dueCount"];
	        this.overdueCount = source["overdueCount"];
	    }
	}
	export class DisclosureView {
	    id: number;
	    book: string;
	    from: string;
	    to: string;
	    publishedOn: string;
	    place: string;
	
	    static createFrom(source: any = {}) {
	        return new DisclosureView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.book = source["book"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.publishedOn = source["publishedOn"];
	        this.place = source["place"];
	    }
	}
	export class DisclosuresOverview {
	    today: string;
	    schedule: DisclosureSchedule[];
	    due: DisclosureDue[];
	    past: DisclosureView[];
	
	    static createFrom(source: any = {}) {
	        return new DisclosuresOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.schedule = this.convertValues(source["schedule"], DisclosureSchedule);
	        this.due = this.convertValues(source["due"], DisclosureDue);
	        this.past = this.convertValues(source["past"], DisclosureView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EmergencyForm {
	    approvedOn: string;
	    certificateId: number;
	    informedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new EmergencyForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approvedOn = source["approvedOn"];
	        this.certificateId = source["certificateId"];
	        this.informedOn = source["informedOn"];
	    }
	}
	export class Error {
	    code: string;
	    key: string;
	    args?: Record<string, string>;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new Error(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.key = source["key"];
	        this.args = source["args"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	
	
	
	export class HandoverDTO {
	    id: number;
	    date: string;
	    outgoing: string;
	    incoming: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new HandoverDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.date = source["date"];
	        this.outgoing = source["outgoing"];
	        this.incoming = source["incoming"];
	        this.note = source["note"];
	    }
	}
	export class HandoverForm {
	    id: number;
	    date: string;
	    records: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new HandoverForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.date = source["date"];
	        this.records = source["records"];
	        this.note = source["note"];
	    }
	}
	export class HeadCheckDTO {
	    status: string;
	    seq: number;
	    prefix: string;
	    links: number;
	    added: number;
	    after: ChainRecordDTO[];
	
	    static createFrom(source: any = {}) {
	        return new HeadCheckDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.seq = source["seq"];
	        this.prefix = source["prefix"];
	        this.links = source["links"];
	        this.added = source["added"];
	        this.after = this.convertValues(source["after"], ChainRecordDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportCellDTO {
	    value: string;
	    ok: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportCellDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.ok = source["ok"];
	    }
	}
	export class ImportFieldDTO {
	    name: string;
	    label: string;
	    labelEn: string;
	    required: boolean;
	    anyOf: string[];
	    kind: string;
	    column: string;
	    mapped: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportFieldDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.labelEn = source["labelEn"];
	        this.required = source["required"];
	        this.anyOf = source["anyOf"];
	        this.kind = source["kind"];
	        this.column = source["column"];
	        this.mapped = source["mapped"];
	    }
	}
	export class ImportInput {
	    kind: string;
	    path: string;
	    sheet: string;
	    book: string;
	    mapping: Record<string, string>;
	    quarter: string;
	    company: string;
	    page: number;
	    pageSize: number;
	    onlyProblems: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.path = source["path"];
	        this.sheet = source["sheet"];
	        this.book = source["book"];
	        this.mapping = source["mapping"];
	        this.quarter = source["quarter"];
	        this.company = source["company"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.onlyProblems = source["onlyProblems"];
	    }
	}
	export class ImportResultDTO {
	    kind: string;
	    book: string;
	    file: string;
	    rows: number;
	    created: number;
	    skipped: number;
	    buildings: number;
	    owners: number;
	    transfers: number;
	    matched: number;
	    unmatched: number;
	    alreadyImported: boolean;
	    previousAt: string;
	    dryRun: boolean;
	    warnings: ImportProblemDTO[];
	    seconds: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.book = source["book"];
	        this.file = source["file"];
	        this.rows = source["rows"];
	        this.created = source["created"];
	        this.skipped = source["skipped"];
	        this.buildings = source["buildings"];
	        this.owners = source["owners"];
	        this.transfers = source["transfers"];
	        this.matched = source["matched"];
	        this.unmatched = source["unmatched"];
	        this.alreadyImported = source["alreadyImported"];
	        this.previousAt = source["previousAt"];
	        this.dryRun = source["dryRun"];
	        this.warnings = this.convertValues(source["warnings"], ImportProblemDTO);
	        this.seconds = source["seconds"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportProblemDTO {
	    row: number;
	    last: number;
	    column: string;
	    key: string;
	    args: Record<string, string>;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportProblemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.last = source["last"];
	        this.column = source["column"];
	        this.key = source["key"];
	        this.args = source["args"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	export class ImportRowDTO {
	    row: number;
	    cells: ImportCellDTO[];
	    problem: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.cells = this.convertValues(source["cells"], ImportCellDTO);
	        this.problem = source["problem"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportPreview {
	    kind: string;
	    path: string;
	    file: string;
	    format: string;
	    encoding: string;
	    sheet: string;
	    sheets: string[];
	    headerRow: number;
	    headerFound: boolean;
	    headers: string[];
	    fields: ImportFieldDTO[];
	    dataRows: number;
	    skipped: number;
	    rows: ImportRowDTO[];
	    total: number;
	    page: number;
	    pageSize: number;
	    fileProblem?: ImportProblemDTO;
	    problems: ImportProblemDTO[];
	    problemCount: number;
	    problemRows: number;
	    result?: ImportResultDTO;
	    ready: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.path = source["path"];
	        this.file = source["file"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.sheet = source["sheet"];
	        this.sheets = source["sheets"];
	        this.headerRow = source["headerRow"];
	        this.headerFound = source["headerFound"];
	        this.headers = source["headers"];
	        this.fields = this.convertValues(source["fields"], ImportFieldDTO);
	        this.dataRows = source["dataRows"];
	        this.skipped = source["skipped"];
	        this.rows = this.convertValues(source["rows"], ImportRowDTO);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.fileProblem = this.convertValues(source["fileProblem"], ImportProblemDTO);
	        this.problems = this.convertValues(source["problems"], ImportProblemDTO);
	        this.problemCount = source["problemCount"];
	        this.problemRows = source["problemRows"];
	        this.result = this.convertValues(source["result"], ImportResultDTO);
	        this.ready = source["ready"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class IncomeSourceLine {
	    code: string;
	    name: string;
	    nameEn: string;
	    amount: string;
	
	    static createFrom(source: any = {}) {
	        return new IncomeSourceLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.amount = source["amount"];
	    }
	}
	export class LeavingForm {
	    company: string;
	    leftOn: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new LeavingForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.company = source["company"];
	        this.leftOn = source["leftOn"];
	        this.note = source["note"];
	    }
	}
	export class LedgerInfo {
	    path: string;
	    communityName: string;
	    readOnly: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LedgerInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.communityName = source["communityName"];
	        this.readOnly = source["readOnly"];
	    }
	}
	
	export class MissingStatementView {
	    quarter: string;
	    expected: string;
	
	    static createFrom(source: any = {}) {
	        return new MissingStatementView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quarter = source["quarter"];
	        this.expected = source["expected"];
	    }
	}
	export class NewUnitRow {
	    building: string;
	    room: string;
	    area: string;
	    housingType: string;
	    initial: string;
	    ownerName: string;
	    ownerPhone: string;
	
	    static createFrom(source: any = {}) {
	        return new NewUnitRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.building = source["building"];
	        this.room = source["room"];
	        this.area = source["area"];
	        this.housingType = source["housingType"];
	        this.initial = source["initial"];
	        this.ownerName = source["ownerName"];
	        this.ownerPhone = source["ownerPhone"];
	    }
	}
	export class NewLedgerInput {
	    community: CommunityInput;
	    policy: PolicyInput;
	    units: NewUnitRow[];
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new NewLedgerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.community = this.convertValues(source["community"], CommunityInput);
	        this.policy = this.convertValues(source["policy"], PolicyInput);
	        this.units = this.convertValues(source["units"], NewUnitRow);
	        this.path = source["path"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class OpeningBookDTO {
	    book: string;
	    voucherId: number;
	    voucherNo: string;
	    openingDate: string;
	    openingAmount: string;
	    firstPosting: string;
	    balance: string;
	
	    static createFrom(source: any = {}) {
	        return new OpeningBookDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.voucherId = source["voucherId"];
	        this.voucherNo = source["voucherNo"];
	        this.openingDate = source["openingDate"];
	        this.openingAmount = source["openingAmount"];
	        this.firstPosting = source["firstPosting"];
	        this.balance = source["balance"];
	    }
	}
	export class RowProblem {
	    row: number;
	    field: string;
	    key: string;
	    args: Record<string, string>;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new RowProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.field = source["field"];
	        this.key = source["key"];
	        this.args = source["args"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	export class OpeningCheck {
	    ok: boolean;
	    amount: string;
	    bank: string;
	    bankSource: string;
	    bankDiff: string;
	    unitsTotal: string;
	    unitsCount: number;
	    unitsDiff: string;
	    bankOk: boolean;
	    unitsOk: boolean;
	    problems: RowProblem[];
	    refusal?: Error;
	    voucherNo: string;
	    voucherId: number;
	
	    static createFrom(source: any = {}) {
	        return new OpeningCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.amount = source["amount"];
	        this.bank = source["bank"];
	        this.bankSource = source["bankSource"];
	        this.bankDiff = source["bankDiff"];
	        this.unitsTotal = source["unitsTotal"];
	        this.unitsCount = source["unitsCount"];
	        this.unitsDiff = source["unitsDiff"];
	        this.bankOk = source["bankOk"];
	        this.unitsOk = source["unitsOk"];
	        this.problems = this.convertValues(source["problems"], RowProblem);
	        this.refusal = this.convertValues(source["refusal"], Error);
	        this.voucherNo = source["voucherNo"];
	        this.voucherId = source["voucherId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpeningUnitInput {
	    row: number;
	    unitId: number;
	    amount: string;
	
	    static createFrom(source: any = {}) {
	        return new OpeningUnitInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.unitId = source["unitId"];
	        this.amount = source["amount"];
	    }
	}
	export class OpeningInputDTO {
	    book: string;
	    date: string;
	    amount: string;
	    bank: string;
	    units: OpeningUnitInput[];
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new OpeningInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.bank = source["bank"];
	        this.units = this.convertValues(source["units"], OpeningUnitInput);
	        this.summary = source["summary"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpeningState {
	    books: OpeningBookDTO[];
	    defaultDate: string;
	    startDate: string;
	    units: number;
	    readOnly: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OpeningState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.books = this.convertValues(source["books"], OpeningBookDTO);
	        this.defaultDate = source["defaultDate"];
	        this.startDate = source["startDate"];
	        this.units = source["units"];
	        this.readOnly = source["readOnly"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpeningUnitDTO {
	    id: number;
	    building: string;
	    room: string;
	    owner: string;
	    initial: string;
	
	    static createFrom(source: any = {}) {
	        return new OpeningUnitDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.building = source["building"];
	        this.room = source["room"];
	        this.owner = source["owner"];
	        this.initial = source["initial"];
	    }
	}
	
	export class OwnerChangeRow {
	    date: string;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new OwnerChangeRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	
	export class PeriodOverview {
	    today: string;
	    start: string;
	    books: BookPeriods[];
	    closed: ClosedPeriodInfo[];
	
	    static createFrom(source: any = {}) {
	        return new PeriodOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.start = source["start"];
	        this.books = this.convertValues(source["books"], BookPeriods);
	        this.closed = this.convertValues(source["closed"], ClosedPeriodInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Preferences {
	    language: string;
	    userName: string;
	
	    static createFrom(source: any = {}) {
	        return new Preferences(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.userName = source["userName"];
	    }
	}
	export class ProblemDTO {
	    kind: string;
	    table: string;
	    id: number;
	    seq: number;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new ProblemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.table = source["table"];
	        this.id = source["id"];
	        this.seq = source["seq"];
	        this.detail = source["detail"];
	    }
	}
	export class ProjectVoucher {
	    id: number;
	    no: string;
	    date: string;
	    summary: string;
	    kind: string;
	    total: string;
	    reversed: boolean;
	    reversesId: number;
	
	    static createFrom(source: any = {}) {
	        return new ProjectVoucher(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.date = source["date"];
	        this.summary = source["summary"];
	        this.kind = source["kind"];
	        this.total = source["total"];
	        this.reversed = source["reversed"];
	        this.reversesId = source["reversesId"];
	    }
	}
	export class VoteRow {
	    id: number;
	    title: string;
	    body: string;
	    date: string;
	    scopeArea: string;
	    scopeOwners: number;
	    partArea: string;
	    partOwners: number;
	    agreeArea: string;
	    agreeOwners: number;
	    partAreaPct: string;
	    partOwnersPct: string;
	    agreeAreaPct: string;
	    agreeOwnersPct: string;
	    passed: boolean;
	    valid: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new VoteRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.date = source["date"];
	        this.scopeArea = source["scopeArea"];
	        this.scopeOwners = source["scopeOwners"];
	        this.partArea = source["partArea"];
	        this.partOwners = source["partOwners"];
	        this.agreeArea = source["agreeArea"];
	        this.agreeOwners = source["agreeOwners"];
	        this.partAreaPct = source["partAreaPct"];
	        this.partOwnersPct = source["partOwnersPct"];
	        this.agreeAreaPct = source["agreeAreaPct"];
	        this.agreeOwnersPct = source["agreeOwnersPct"];
	        this.passed = source["passed"];
	        this.valid = source["valid"];
	        this.note = source["note"];
	    }
	}
	export class ScopeBuildingRow {
	    id: number;
	    code: string;
	    units: number;
	    total: number;
	    area: string;
	
	    static createFrom(source: any = {}) {
	        return new ScopeBuildingRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.units = source["units"];
	        this.total = source["total"];
	        this.area = source["area"];
	    }
	}
	export class ProjectDetail {
	    id: number;
	    name: string;
	    reason: string;
	    scopeKind: string;
	    emergencyTrigger: string;
	    budget: string;
	    costAudit: string;
	    charged: string;
	    remaining: string;
	    acceptedOn: string;
	    createdOn: string;
	    scopeUnits: number;
	    scopeArea: string;
	    scopeOwners: number;
	    voted: boolean;
	    stage: string;
	    contractor: string;
	    selectionMethod: string;
	    contractNo: string;
	    buildings: ScopeBuildingRow[];
	    votes: VoteRow[];
	    vouchers: ProjectVoucher[];
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new ProjectDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.reason = source["reason"];
	        this.scopeKind = source["scopeKind"];
	        this.emergencyTrigger = source["emergencyTrigger"];
	        this.budget = source["budget"];
	        this.costAudit = source["costAudit"];
	        this.charged = source["charged"];
	        this.remaining = source["remaining"];
	        this.acceptedOn = source["acceptedOn"];
	        this.createdOn = source["createdOn"];
	        this.scopeUnits = source["scopeUnits"];
	        this.scopeArea = source["scopeArea"];
	        this.scopeOwners = source["scopeOwners"];
	        this.voted = source["voted"];
	        this.stage = source["stage"];
	        this.contractor = source["contractor"];
	        this.selectionMethod = source["selectionMethod"];
	        this.contractNo = source["contractNo"];
	        this.buildings = this.convertValues(source["buildings"], ScopeBuildingRow);
	        this.votes = this.convertValues(source["votes"], VoteRow);
	        this.vouchers = this.convertValues(source["vouchers"], ProjectVoucher);
	        this.today = source["today"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProjectExpenseForm {
	    date: string;
	    amount: string;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new ProjectExpenseForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.summary = source["summary"];
	    }
	}
	export class ProjectForm {
	    name: string;
	    reason: string;
	    kind: string;
	    emergencyTrigger: string;
	    budget: string;
	    contractor: string;
	    selectionMethod: string;
	    contractNo: string;
	    date: string;
	    scopeKind: string;
	    buildingIds: number[];
	    unitIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new ProjectForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.reason = source["reason"];
	        this.kind = source["kind"];
	        this.emergencyTrigger = source["emergencyTrigger"];
	        this.budget = source["budget"];
	        this.contractor = source["contractor"];
	        this.selectionMethod = source["selectionMethod"];
	        this.contractNo = source["contractNo"];
	        this.date = source["date"];
	        this.scopeKind = source["scopeKind"];
	        this.buildingIds = source["buildingIds"];
	        this.unitIds = source["unitIds"];
	    }
	}
	export class ScopeBuildingOption {
	    id: number;
	    code: string;
	    name: string;
	    units: number;
	    area: string;
	
	    static createFrom(source: any = {}) {
	        return new ScopeBuildingOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.units = source["units"];
	        this.area = source["area"];
	    }
	}
	export class ProjectOptions {
	    today: string;
	    emergencyTriggers: string[];
	    buildings: ScopeBuildingOption[];
	    totalUnits: number;
	    totalArea: string;
	
	    static createFrom(source: any = {}) {
	        return new ProjectOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.emergencyTriggers = source["emergencyTriggers"];
	        this.buildings = this.convertValues(source["buildings"], ScopeBuildingOption);
	        this.totalUnits = source["totalUnits"];
	        this.totalArea = source["totalArea"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProjectRow {
	    id: number;
	    name: string;
	    reason: string;
	    scopeKind: string;
	    emergencyTrigger: string;
	    budget: string;
	    costAudit: string;
	    charged: string;
	    remaining: string;
	    acceptedOn: string;
	    createdOn: string;
	    scopeUnits: number;
	    scopeArea: string;
	    scopeOwners: number;
	    voted: boolean;
	    stage: string;
	
	    static createFrom(source: any = {}) {
	        return new ProjectRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.reason = source["reason"];
	        this.scopeKind = source["scopeKind"];
	        this.emergencyTrigger = source["emergencyTrigger"];
	        this.budget = source["budget"];
	        this.costAudit = source["costAudit"];
	        this.charged = source["charged"];
	        this.remaining = source["remaining"];
	        this.acceptedOn = source["acceptedOn"];
	        this.createdOn = source["createdOn"];
	        this.scopeUnits = source["scopeUnits"];
	        this.scopeArea = source["scopeArea"];
	        this.scopeOwners = source["scopeOwners"];
	        this.voted = source["voted"];
	        this.stage = source["stage"];
	    }
	}
	
	export class PropertyHandoverView {
	    id: number;
	    company: string;
	    leftOn: string;
	    due: string;
	    handedOverOn: string;
	    balance: string;
	    records: string;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PropertyHandoverView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.company = source["company"];
	        this.leftOn = source["leftOn"];
	        this.due = source["due"];
	        this.handedOverOn = source["handedOverOn"];
	        this.balance = source["balance"];
	        this.records = source["records"];
	        this.overdue = source["overdue"];
	    }
	}
	export class PublicIncomeScope {
	    buildingId: number;
	    building: string;
	    net: string;
	    required: string;
	    settled: string;
	    short: string;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PublicIncomeScope(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.buildingId = source["buildingId"];
	        this.building = source["building"];
	        this.net = source["net"];
	        this.required = source["required"];
	        this.settled = source["settled"];
	        this.short = source["short"];
	        this.overdue = source["overdue"];
	    }
	}
	export class PublicIncomeQuarter {
	    quarter: string;
	    from: string;
	    to: string;
	    income: IncomeSourceLine[];
	    deductions: IncomeSourceLine[];
	    gross: string;
	    deducted: string;
	    net: string;
	    subjectNet: string;
	    required: string;
	    done: string;
	    settled: string;
	    short: string;
	    dueBy: string;
	    overdue: boolean;
	    closed: boolean;
	    current: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PublicIncomeQuarter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quarter = source["quarter"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.income = this.convertValues(source["income"], IncomeSourceLine);
	        this.deductions = this.convertValues(source["deductions"], IncomeSourceLine);
	        this.gross = source["gross"];
	        this.deducted = source["deducted"];
	        this.net = source["net"];
	        this.subjectNet = source["subjectNet"];
	        this.required = source["required"];
	        this.done = source["done"];
	        this.settled = source["settled"];
	        this.short = source["short"];
	        this.dueBy = source["dueBy"];
	        this.overdue = source["overdue"];
	        this.closed = source["closed"];
	        this.current = source["current"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PublicIncomeOverview {
	    today: string;
	    publicBalance: string;
	    fundRatio: string;
	    fundBelow: boolean;
	    threshold: string;
	    share: string;
	    strict: boolean;
	    mode: string;
	    statutory: boolean;
	    graceDays: number;
	    outstanding: string;
	    quarters: PublicIncomeQuarter[];
	    scopes: PublicIncomeScope[];
	
	    static createFrom(source: any = {}) {
	        return new PublicIncomeOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.publicBalance = source["publicBalance"];
	        this.fundRatio = source["fundRatio"];
	        this.fundBelow = source["fundBelow"];
	        this.threshold = source["threshold"];
	        this.share = source["share"];
	        this.strict = source["strict"];
	        this.mode = source["mode"];
	        this.statutory = source["statutory"];
	        this.graceDays = source["graceDays"];
	        this.outstanding = source["outstanding"];
	        this.quarters = this.convertValues(source["quarters"], PublicIncomeQuarter);
	        this.scopes = this.convertValues(source["scopes"], PublicIncomeScope);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RatioTrendPoint {
	    quarter: string;
	    date: string;
	    balance: string;
	    ratio: string;
	    below: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RatioTrendPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quarter = source["quarter"];
	        this.date = source["date"];
	        this.balance = source["balance"];
	        this.ratio = source["ratio"];
	        this.below = source["below"];
	    }
	}
	export class RatioTrend {
	    initial: string;
	    threshold: string;
	    points: RatioTrendPoint[];
	
	    static createFrom(source: any = {}) {
	        return new RatioTrend(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.initial = source["initial"];
	        this.threshold = source["threshold"];
	        this.points = this.convertValues(source["points"], RatioTrendPoint);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ReceiptDTO {
	    id: number;
	    no: string;
	    voucherId: number;
	    voucherNo: string;
	    date: string;
	    amount: string;
	    purpose: string;
	    reversed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReceiptDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.voucherId = source["voucherId"];
	        this.voucherNo = source["voucherNo"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.purpose = source["purpose"];
	        this.reversed = source["reversed"];
	    }
	}
	
	export class ReplenishTerms {
	    source: string;
	    basis: string;
	    sharePct: string;
	    perM2: string;
	    instalments: number;
	    intervalMonths: number;
	    schedule: string[];
	    setOn: string;
	
	    static createFrom(source: any = {}) {
	        return new ReplenishTerms(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.basis = source["basis"];
	        this.sharePct = source["sharePct"];
	        this.perM2 = source["perM2"];
	        this.instalments = source["instalments"];
	        this.intervalMonths = source["intervalMonths"];
	        this.schedule = source["schedule"];
	        this.setOn = source["setOn"];
	    }
	}
	export class ReplenishCaseView {
	    id: number;
	    level: string;
	    status: string;
	    triggerDate: string;
	    balance: string;
	    initial: string;
	    ratio: string;
	    decisionDeadline: string;
	    decisionDaysLeft: number;
	    decisionOverdue: boolean;
	    decided: boolean;
	    decision?: VoteRow;
	    noticeDate: string;
	    paymentDeadline: string;
	    paymentDaysLeft: number;
	    paymentOverdue: boolean;
	    due: string;
	    paid: string;
	    outstanding: string;
	    collectionPct: string;
	    units: number;
	    unitsSettled: number;
	    closedOn: string;
	    stage: string;
	    noticeFrom: string;
	    noticePossible: boolean;
	    owing: number;
	    ratioRestored: boolean;
	    closedReason: string;
	    terms?: ReplenishTerms;
	
	    static createFrom(source: any = {}) {
	        return new ReplenishCaseView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.level = source["level"];
	        this.status = source["status"];
	        this.triggerDate = source["triggerDate"];
	        this.balance = source["balance"];
	        this.initial = source["initial"];
	        this.ratio = source["ratio"];
	        this.decisionDeadline = source["decisionDeadline"];
	        this.decisionDaysLeft = source["decisionDaysLeft"];
	        this.decisionOverdue = source["decisionOverdue"];
	        this.decided = source["decided"];
	        this.decision = this.convertValues(source["decision"], VoteRow);
	        this.noticeDate = source["noticeDate"];
	        this.paymentDeadline = source["paymentDeadline"];
	        this.paymentDaysLeft = source["paymentDaysLeft"];
	        this.paymentOverdue = source["paymentOverdue"];
	        this.due = source["due"];
	        this.paid = source["paid"];
	        this.outstanding = source["outstanding"];
	        this.collectionPct = source["collectionPct"];
	        this.units = source["units"];
	        this.unitsSettled = source["unitsSettled"];
	        this.closedOn = source["closedOn"];
	        this.stage = source["stage"];
	        this.noticeFrom = source["noticeFrom"];
	        this.noticePossible = source["noticePossible"];
	        this.owing = source["owing"];
	        this.ratioRestored = source["ratioRestored"];
	        this.closedReason = source["closedReason"];
	        this.terms = this.convertValues(source["terms"], ReplenishTerms);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReplenishOverview {
	    today: string;
	    fundRatio: string;
	    threshold: string;
	    target: string;
	    fundBalance: string;
	    initialTotal: string;
	    decisionDays: number;
	    paymentDays: number;
	    current?: ReplenishCaseView;
	    past: ReplenishCaseView[];
	    below: boolean;
	    separate: boolean;
	    nonResBalance: string;
	    nonResInitial: string;
	    nonResRatio: string;
	
	    static createFrom(source: any = {}) {
	        return new ReplenishOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.fundRatio = source["fundRatio"];
	        this.threshold = source["threshold"];
	        this.target = source["target"];
	        this.fundBalance = source["fundBalance"];
	        this.initialTotal = source["initialTotal"];
	        this.decisionDays = source["decisionDays"];
	        this.paymentDays = source["paymentDays"];
	        this.current = this.convertValues(source["current"], ReplenishCaseView);
	        this.past = this.convertValues(source["past"], ReplenishCaseView);
	        this.below = source["below"];
	        this.separate = source["separate"];
	        this.nonResBalance = source["nonResBalance"];
	        this.nonResInitial = source["nonResInitial"];
	        this.nonResRatio = source["nonResRatio"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReplenishPaymentForm {
	    unitId: number;
	    date: string;
	    amount: string;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new ReplenishPaymentForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.summary = source["summary"];
	    }
	}
	
	export class ReplenishTermsForm {
	    basis: string;
	    sharePct: string;
	    perM2: string;
	    instalments: number;
	    firstDue: string;
	    intervalMonths: number;
	
	    static createFrom(source: any = {}) {
	        return new ReplenishTermsForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.basis = source["basis"];
	        this.sharePct = source["sharePct"];
	        this.perM2 = source["perM2"];
	        this.instalments = source["instalments"];
	        this.firstDue = source["firstDue"];
	        this.intervalMonths = source["intervalMonths"];
	    }
	}
	export class ReportOption {
	    id: number;
	    name: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.detail = source["detail"];
	    }
	}
	export class ReportChoices {
	    community: string;
	    kinds: string[];
	    years: number[];
	    today: string;
	    units: number;
	    buildings: ReportOption[];
	    projects: ReportOption[];
	
	    static createFrom(source: any = {}) {
	        return new ReportChoices(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.community = source["community"];
	        this.kinds = source["kinds"];
	        this.years = source["years"];
	        this.today = source["today"];
	        this.units = source["units"];
	        this.buildings = this.convertValues(source["buildings"], ReportOption);
	        this.projects = this.convertValues(source["projects"], ReportOption);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ReportParams {
	    book: string;
	    from: string;
	    to: string;
	    year: number;
	    unitId: number;
	    buildingId: number;
	    projectId: number;
	    format: string;
	    published: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportParams(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.year = source["year"];
	        this.unitId = source["unitId"];
	        this.buildingId = source["buildingId"];
	        this.projectId = source["projectId"];
	        this.format = source["format"];
	        this.published = source["published"];
	    }
	}
	export class ResolutionForm {
	    body: string;
	    purpose: string;
	    date: string;
	    subject: string;
	    text: string;
	    publishedOn: string;
	    partArea: string;
	    partOwners: string;
	    agreeArea: string;
	    agreeOwners: string;
	    members: string;
	    present: string;
	    for: string;
	    against: string;
	    delegationId: number;
	    amount: string;
	    perCase: string;
	    year: number;
	    accountCode: string;
	    attachmentIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new ResolutionForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.body = source["body"];
	        this.purpose = source["purpose"];
	        this.date = source["date"];
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.publishedOn = source["publishedOn"];
	        this.partArea = source["partArea"];
	        this.partOwners = source["partOwners"];
	        this.agreeArea = source["agreeArea"];
	        this.agreeOwners = source["agreeOwners"];
	        this.members = source["members"];
	        this.present = source["present"];
	        this.for = source["for"];
	        this.against = source["against"];
	        this.delegationId = source["delegationId"];
	        this.amount = source["amount"];
	        this.perCase = source["perCase"];
	        this.year = source["year"];
	        this.accountCode = source["accountCode"];
	        this.attachmentIds = source["attachmentIds"];
	    }
	}
	export class ResolutionView {
	    id: number;
	    body: string;
	    purpose: string;
	    date: string;
	    subject: string;
	    text: string;
	    publishedOn: string;
	    publishDue: string;
	    overdue: boolean;
	    passed: boolean;
	    figures: string;
	    amount: string;
	    perCase: string;
	    used: string;
	    year: number;
	    accountCode: string;
	    delegationId: number;
	    projectId: number;
	    attachments: number;
	
	    static createFrom(source: any = {}) {
	        return new ResolutionView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.body = source["body"];
	        this.purpose = source["purpose"];
	        this.date = source["date"];
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.publishedOn = source["publishedOn"];
	        this.publishDue = source["publishDue"];
	        this.overdue = source["overdue"];
	        this.passed = source["passed"];
	        this.figures = source["figures"];
	        this.amount = source["amount"];
	        this.perCase = source["perCase"];
	        this.used = source["used"];
	        this.year = source["year"];
	        this.accountCode = source["accountCode"];
	        this.delegationId = source["delegationId"];
	        this.projectId = source["projectId"];
	        this.attachments = source["attachments"];
	    }
	}
	export class RestoreOutcome {
	    ledger: LedgerInfo;
	    from: string;
	    saved: string;
	    seq: number;
	    hash: string;
	    links: number;
	
	    static createFrom(source: any = {}) {
	        return new RestoreOutcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ledger = this.convertValues(source["ledger"], LedgerInfo);
	        this.from = source["from"];
	        this.saved = source["saved"];
	        this.seq = source["seq"];
	        this.hash = source["hash"];
	        this.links = source["links"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class ScopeUnitPick {
	    id: number;
	    label: string;
	    building: string;
	    room: string;
	    owner: string;
	    area: string;
	
	    static createFrom(source: any = {}) {
	        return new ScopeUnitPick(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.building = source["building"];
	        this.room = source["room"];
	        this.owner = source["owner"];
	        this.area = source["area"];
	    }
	}
	export class ScopeUnitPage {
	    total: number;
	    rows: ScopeUnitPick[];
	
	    static createFrom(source: any = {}) {
	        return new ScopeUnitPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.rows = this.convertValues(source["rows"], ScopeUnitPick);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SettlementForm {
	    date: string;
	    amount: string;
	
	    static createFrom(source: any = {}) {
	        return new SettlementForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.amount = source["amount"];
	    }
	}
	export class SettlementView {
	    voucherId: number;
	    voucherNo: string;
	    amount: string;
	    held: string;
	
	    static createFrom(source: any = {}) {
	        return new SettlementView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.voucherId = source["voucherId"];
	        this.voucherNo = source["voucherNo"];
	        this.amount = source["amount"];
	        this.held = source["held"];
	    }
	}
	export class SplitUnitOption {
	    id: number;
	    label: string;
	    owner: string;
	    area: string;
	    initial: string;
	    balance: string;
	
	    static createFrom(source: any = {}) {
	        return new SplitUnitOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.owner = source["owner"];
	        this.area = source["area"];
	        this.initial = source["initial"];
	        this.balance = source["balance"];
	    }
	}
	export class StatementContract {
	    id: number;
	    counterparty: string;
	    commonPart: string;
	    collector: string;
	    share: string;
	
	    static createFrom(source: any = {}) {
	        return new StatementContract(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.counterparty = source["counterparty"];
	        this.commonPart = source["commonPart"];
	        this.collector = source["collector"];
	        this.share = source["share"];
	    }
	}
	export class StatementLineForm {
	    contractId: number;
	    source: string;
	    gross: string;
	    tax: string;
	    labour: string;
	    management: string;
	    basis: string;
	
	    static createFrom(source: any = {}) {
	        return new StatementLineForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contractId = source["contractId"];
	        this.source = source["source"];
	        this.gross = source["gross"];
	        this.tax = source["tax"];
	        this.labour = source["labour"];
	        this.management = source["management"];
	        this.basis = source["basis"];
	    }
	}
	export class StatementForm {
	    quarter: string;
	    company: string;
	    received: string;
	    note: string;
	    lines: StatementLineForm[];
	
	    static createFrom(source: any = {}) {
	        return new StatementForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quarter = source["quarter"];
	        this.company = source["company"];
	        this.received = source["received"];
	        this.note = source["note"];
	        this.lines = this.convertValues(source["lines"], StatementLineForm);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class StatementLineView {
	    line: number;
	    row: number;
	    contractId: number;
	    counterparty: string;
	    source: string;
	    accountCode: string;
	    gross: string;
	    tax: string;
	    labour: string;
	    management: string;
	    net: string;
	    basis: string;
	
	    static createFrom(source: any = {}) {
	        return new StatementLineView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.row = source["row"];
	        this.contractId = source["contractId"];
	        this.counterparty = source["counterparty"];
	        this.source = source["source"];
	        this.accountCode = source["accountCode"];
	        this.gross = source["gross"];
	        this.tax = source["tax"];
	        this.labour = source["labour"];
	        this.management = source["management"];
	        this.net = source["net"];
	        this.basis = source["basis"];
	    }
	}
	export class StatementOverview {
	    today: string;
	    held: string;
	    company: string;
	    missing: MissingStatementView[];
	    contracts: StatementContract[];
	    handovers: PropertyHandoverView[];
	
	    static createFrom(source: any = {}) {
	        return new StatementOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.held = source["held"];
	        this.company = source["company"];
	        this.missing = this.convertValues(source["missing"], MissingStatementView);
	        this.contracts = this.convertValues(source["contracts"], StatementContract);
	        this.handovers = this.convertValues(source["handovers"], PropertyHandoverView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StatementVarianceView {
	    kind: string;
	    line: number;
	    contractId: number;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new StatementVarianceView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.line = source["line"];
	        this.contractId = source["contractId"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	export class StatementView {
	    id: number;
	    quarter: string;
	    company: string;
	    received: string;
	    voucherId: number;
	    voucherNo: string;
	    reversed: boolean;
	    sourceName: string;
	    building: string;
	    gross: string;
	    deductions: string;
	    net: string;
	    lines: StatementLineView[];
	    variances: StatementVarianceView[];
	
	    static createFrom(source: any = {}) {
	        return new StatementView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.quarter = source["quarter"];
	        this.company = source["company"];
	        this.received = source["received"];
	        this.voucherId = source["voucherId"];
	        this.voucherNo = source["voucherNo"];
	        this.reversed = source["reversed"];
	        this.sourceName = source["sourceName"];
	        this.building = source["building"];
	        this.gross = source["gross"];
	        this.deductions = source["deductions"];
	        this.net = source["net"];
	        this.lines = this.convertValues(source["lines"], StatementLineView);
	        this.variances = this.convertValues(source["variances"], StatementVarianceView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TermReminderDTO {
	    termEnd: string;
	    daysLeft: number;
	    due: boolean;
	    recorded: string;
	
	    static createFrom(source: any = {}) {
	        return new TermReminderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.termEnd = source["termEnd"];
	        this.daysLeft = source["daysLeft"];
	        this.due = source["due"];
	        this.recorded = source["recorded"];
	    }
	}
	export class UnitDueDTO {
	    caseId: number;
	    triggerDate: string;
	    status: string;
	    decisionDeadline: string;
	    paymentDeadline: string;
	    due: string;
	    paid: string;
	    outstanding: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitDueDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.caseId = source["caseId"];
	        this.triggerDate = source["triggerDate"];
	        this.status = source["status"];
	        this.decisionDeadline = source["decisionDeadline"];
	        this.paymentDeadline = source["paymentDeadline"];
	        this.due = source["due"];
	        this.paid = source["paid"];
	        this.outstanding = source["outstanding"];
	    }
	}
	export class UnitEntryDTO {
	    voucherId: number;
	    voucherNo: string;
	    date: string;
	    summary: string;
	    account: string;
	    accountName: string;
	    accountNameEn: string;
	    amount: string;
	    balance: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitEntryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.voucherId = source["voucherId"];
	        this.voucherNo = source["voucherNo"];
	        this.date = source["date"];
	        this.summary = source["summary"];
	        this.account = source["account"];
	        this.accountName = source["accountName"];
	        this.accountNameEn = source["accountNameEn"];
	        this.amount = source["amount"];
	        this.balance = source["balance"];
	    }
	}
	export class UnitRowDTO {
	    id: number;
	    buildingId: number;
	    buildingCode: string;
	    room: string;
	    area: string;
	    housingType: string;
	    initial: string;
	    balance: string;
	    ratio: string;
	    below: boolean;
	    ownerId: number;
	    ownerName: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.buildingId = source["buildingId"];
	        this.buildingCode = source["buildingCode"];
	        this.room = source["room"];
	        this.area = source["area"];
	        this.housingType = source["housingType"];
	        this.initial = source["initial"];
	        this.balance = source["balance"];
	        this.ratio = source["ratio"];
	        this.below = source["below"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	    }
	}
	export class UnitDetail {
	    unit: UnitRowDTO;
	    ownerPhone: string;
	    threshold: string;
	    target: string;
	    toTarget: string;
	    entries: UnitEntryDTO[];
	    dues: UnitDueDTO[];
	    areaFixed: boolean;
	    ownerChanges: OwnerChangeRow[];
	
	    static createFrom(source: any = {}) {
	        return new UnitDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unit = this.convertValues(source["unit"], UnitRowDTO);
	        this.ownerPhone = source["ownerPhone"];
	        this.threshold = source["threshold"];
	        this.target = source["target"];
	        this.toTarget = source["toTarget"];
	        this.entries = this.convertValues(source["entries"], UnitEntryDTO);
	        this.dues = this.convertValues(source["dues"], UnitDueDTO);
	        this.areaFixed = source["areaFixed"];
	        this.ownerChanges = this.convertValues(source["ownerChanges"], OwnerChangeRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class UnitInput {
	    id: number;
	    buildingId: number;
	    room: string;
	    area: string;
	    housingType: string;
	    initial: string;
	    ownerName: string;
	    ownerPhone: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.buildingId = source["buildingId"];
	        this.room = source["room"];
	        this.area = source["area"];
	        this.housingType = source["housingType"];
	        this.initial = source["initial"];
	        this.ownerName = source["ownerName"];
	        this.ownerPhone = source["ownerPhone"];
	    }
	}
	export class UnitPage {
	    rows: UnitRowDTO[];
	    total: number;
	    page: number;
	    pageSize: number;
	    threshold: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], UnitRowDTO);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.threshold = source["threshold"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UnitQuery {
	    text: string;
	    buildingId: number;
	    housingType: string;
	    below: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.buildingId = source["buildingId"];
	        this.housingType = source["housingType"];
	        this.below = source["below"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	
	export class VerifyReport {
	    ok: boolean;
	    links: number;
	    head: ChainHeadDTO;
	    problem?: ProblemDTO;
	    millis: number;
	    checkedAt: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new VerifyReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.links = source["links"];
	        this.head = this.convertValues(source["head"], ChainHeadDTO);
	        this.problem = this.convertValues(source["problem"], ProblemDTO);
	        this.millis = source["millis"];
	        this.checkedAt = source["checkedAt"];
	        this.path = source["path"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class VoteCheckResult {
	    kind: string;
	    scopeArea: string;
	    scopeOwners: number;
	    partAreaPct: string;
	    partOwnersPct: string;
	    agreeAreaPct: string;
	    agreeOwnersPct: string;
	    partAreaOk: boolean;
	    partOwnersOk: boolean;
	    agreeAreaOk: boolean;
	    agreeOwnersOk: boolean;
	    complete: boolean;
	    passed: boolean;
	    problem?: Error;
	    reason?: Error;
	
	    static createFrom(source: any = {}) {
	        return new VoteCheckResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.scopeArea = source["scopeArea"];
	        this.scopeOwners = source["scopeOwners"];
	        this.partAreaPct = source["partAreaPct"];
	        this.partOwnersPct = source["partOwnersPct"];
	        this.agreeAreaPct = source["agreeAreaPct"];
	        this.agreeOwnersPct = source["agreeOwnersPct"];
	        this.partAreaOk = source["partAreaOk"];
	        this.partOwnersOk = source["partOwnersOk"];
	        this.agreeAreaOk = source["agreeAreaOk"];
	        this.agreeOwnersOk = source["agreeOwnersOk"];
	        this.complete = source["complete"];
	        this.passed = source["passed"];
	        this.problem = this.convertValues(source["problem"], Error);
	        this.reason = this.convertValues(source["reason"], Error);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class VoteForm {
	    title: string;
	    body: string;
	    date: string;
	    partArea: string;
	    partOwners: string;
	    agreeArea: string;
	    agreeOwners: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new VoteForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.body = source["body"];
	        this.date = source["date"];
	        this.partArea = source["partArea"];
	        this.partOwners = source["partOwners"];
	        this.agreeArea = source["agreeArea"];
	        this.agreeOwners = source["agreeOwners"];
	        this.note = source["note"];
	    }
	}
	
	export class VoucherAccount {
	    code: string;
	    name: string;
	    nameEn: string;
	    kind: string;
	    balance: string;
	    split: string;
	    direct: boolean;
	    normal: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherAccount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.kind = source["kind"];
	        this.balance = source["balance"];
	        this.split = source["split"];
	        this.direct = source["direct"];
	        this.normal = source["normal"];
	    }
	}
	
	export class VoucherAttachmentContent {
	    id: number;
	    name: string;
	    mime: string;
	    base64: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherAttachmentContent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.mime = source["mime"];
	        this.base64 = source["base64"];
	    }
	}
	export class VoucherCaseOption {
	    id: number;
	    triggerDate: string;
	    status: string;
	    due: string;
	    paid: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherCaseOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.triggerDate = source["triggerDate"];
	        this.status = source["status"];
	        this.due = source["due"];
	        this.paid = source["paid"];
	    }
	}
	
	export class VoucherSplitInput {
	    unitId: number;
	    amount: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherSplitInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.amount = source["amount"];
	    }
	}
	export class VoucherLineInput {
	    account: string;
	    debit: string;
	    credit: string;
	    memo: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherLineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.debit = source["debit"];
	        this.credit = source["credit"];
	        this.memo = source["memo"];
	    }
	}
	export class VoucherInput {
	    book: string;
	    date: string;
	    summary: string;
	    lines: VoucherLineInput[];
	    splits: VoucherSplitInput[];
	    projectId: number;
	    caseId: number;
	    attachmentIds: number[];
	    resolutionId: number;
	    buildingId: number;
	    token: string;
	
	    static createFrom(source: any = {}) {
	        return new VoucherInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.date = source["date"];
	        this.summary = source["summary"];
	        this.lines = this.convertValues(source["lines"], VoucherLineInput);
	        this.splits = this.convertValues(source["splits"], VoucherSplitInput);
	        this.projectId = source["projectId"];
	        this.caseId = source["caseId"];
	        this.attachmentIds = source["attachmentIds"];
	        this.resolutionId = source["resolutionId"];
	        this.buildingId = source["buildingId"];
	        this.token = source["token"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class VoucherRow {
	    id: number;
	    no: string;
	    date: string;
	    summary: string;
	    kind: string;
	    total: string;
	    reversed: boolean;
	    reversesId: number;
	
	    static createFrom(source: any = {}) {
	        return new VoucherRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.date = source["date"];
	        this.summary = source["summary"];
	        this.kind = source["kind"];
	        this.total = source["total"];
	        this.reversed = source["reversed"];
	        this.reversesId = source["reversesId"];
	    }
	}
	export class VoucherPage {
	    rows: VoucherRow[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new VoucherPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], VoucherRow);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class VoucherProjectOption {
	    id: number;
	    name: string;
	    costAudit: string;
	    charged: string;
	    emergency: boolean;
	
	    static createFrom(source: any = {}) {
	        return new VoucherProjectOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.costAudit = source["costAudit"];
	        this.charged = source["charged"];
	        this.emergency = source["emergency"];
	    }
	}
	export class VoucherQuery {
	    book: string;
	    from: string;
	    to: string;
	    account: string;
	    text: string;
	    minAmount: string;
	    maxAmount: string;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new VoucherQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.account = source["account"];
	        this.text = source["text"];
	        this.minAmount = source["minAmount"];
	        this.maxAmount = source["maxAmount"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	

}

export namespace ops {
	
	export class ReconItem {
	    date: string;
	    amount: string;
	    text: string;
	    reference: string;
	    voucherId: number;
	    voucherNo: string;
	
	    static createFrom(source: any = {}) {
	        return new ReconItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.text = source["text"];
	        this.reference = source["reference"];
	        this.voucherId = source["voucherId"];
	        this.voucherNo = source["voucherNo"];
	    }
	}
	export class Reconciliation {
	    book: string;
	    from: string;
	    asOf: string;
	    bookBalance: string;
	    bankBalance: string;
	    bankBalanceSource: string;
	    bankLines: number;
	    bookItems: number;
	    matched: number;
	    bankOnlyIn: ReconItem[];
	    bankOnlyOut: ReconItem[];
	    bookOnlyIn: ReconItem[];
	    bookOnlyOut: ReconItem[];
	    bankOnlyInTotal: string;
	    bankOnlyOutTotal: string;
	    bookOnlyInTotal: string;
	    bookOnlyOutTotal: string;
	    adjustedBook: string;
	    adjustedBank: string;
	    difference: string;
	    reconciled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Reconciliation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.book = source["book"];
	        this.from = source["from"];
	        this.asOf = source["asOf"];
	        this.bookBalance = source["bookBalance"];
	        this.bankBalance = source["bankBalance"];
	        this.bankBalanceSource = source["bankBalanceSource"];
	        this.bankLines = source["bankLines"];
	        this.bookItems = source["bookItems"];
	        this.matched = source["matched"];
	        this.bankOnlyIn = this.convertValues(source["bankOnlyIn"], ReconItem);
	        this.bankOnlyOut = this.convertValues(source["bankOnlyOut"], ReconItem);
	        this.bookOnlyIn = this.convertValues(source["bookOnlyIn"], ReconItem);
	        this.bookOnlyOut = this.convertValues(source["bookOnlyOut"], ReconItem);
	        this.bankOnlyInTotal = source["bankOnlyInTotal"];
	        this.bankOnlyOutTotal = source["bankOnlyOutTotal"];
	        this.bookOnlyInTotal = source["bookOnlyInTotal"];
	        this.bookOnlyOutTotal = source["bookOnlyOutTotal"];
	        this.adjustedBook = source["adjustedBook"];
	        this.adjustedBank = source["adjustedBank"];
	        this.difference = source["difference"];
	        this.reconciled = source["reconciled"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

