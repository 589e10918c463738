export namespace app {
	
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

}

