CLAIMCHECK_SEARCH.add("t:ha",{"had":[9,30,1,25]});
