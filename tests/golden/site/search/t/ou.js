CLAIMCHECK_SEARCH.add("t:ou",{"out":[34,21],"outlet":[25,44]});
