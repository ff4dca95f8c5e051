CLAIMCHECK_SEARCH.add("t:at",{"attribut":[25,44]});
