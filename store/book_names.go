package store

import (
	"jiayuan/store/ledger"
)

// bookNames name the books in refusals' arguments, which are not translated.
var bookNames = map[ledger.Book][2]string{
	ledger.BookFund:    {"专项维修资金", "maintenance fund"},
	ledger.BookPublic:  {"公共收益", "public income"},
	ledger.BookWorking: {"业委会工作经费", "working expenses"},
}

// bookArgs are a refusal's arguments naming a book: key (the code), keyZh and keyEn.
func bookArgs(key string, b ledger.Book) []any {
	n, ok := bookNames[b]
	if !ok {
		n = [2]string{string(b), string(b)}
	}
	return []any{key, b, key + "Zh", n[0], key + "En", n[1]}
}
