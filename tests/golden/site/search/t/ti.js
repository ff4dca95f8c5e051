CLAIMCHECK_SEARCH.add("t:ti",{"ti":[5,50],"tighten":[17,47],"titl":[35,23,1,29]});
