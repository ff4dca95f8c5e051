CLAIMCHECK_SEARCH.add("t:tu",{"tuesdai":[35,27]});
