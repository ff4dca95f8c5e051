CLAIMCHECK_SEARCH.add("t:da",{"dai":[35,27],"date":[34,20,1,16,1,21,1,22,1,23]});
