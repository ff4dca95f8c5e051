CLAIMCHECK_SEARCH.add("t:14",{"14":[18,48],"14th":[18,28]});
