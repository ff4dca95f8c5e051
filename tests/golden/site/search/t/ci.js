CLAIMCHECK_SEARCH.add("t:ci",{"cite":[32,40,1,39]});
