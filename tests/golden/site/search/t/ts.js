CLAIMCHECK_SEARCH.add("t:ts",{"tsmc":[18,41,12,48,4,16]});
